package io.kairan.api.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The API's real security rules, rate limits and problem handling, for controller slice tests (no
 * limit unless a test sets kairan.rate-limits.*).
 */
@TestConfiguration
@Import({
  SecurityConfig.class,
  io.kairan.api.ClockConfig.class,
  io.kairan.api.limits.RateLimiter.class
})
@EnableConfigurationProperties({
  SecuritySettings.class,
  io.kairan.api.limits.RateLimitSettings.class
})
public class SecurityTestSupport {}
