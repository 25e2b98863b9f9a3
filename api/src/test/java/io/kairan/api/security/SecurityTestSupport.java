package io.kairan.api.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The API's real security rules and problem handling, for controller slice tests. */
@TestConfiguration
@Import({SecurityConfig.class, io.kairan.api.ClockConfig.class})
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityTestSupport {}
