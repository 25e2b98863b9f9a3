package io.kairan.api.app;

import io.kairan.api.limits.RateLimiter;
import io.kairan.api.web.WebPages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two chains of their own ({@link WebPages}), ahead of the API's, matching only their paths (the
 * API's rules stay as they are, and an unknown path still falls to its deny-all): the resident
 * app's files ({@code /app/**}), readable by anyone; and the local stack's demo sign-in ({@code
 * /demo/sign-in}, package api.demo), only when {@code kairan.demo.sign-in.enabled} is true, which
 * only the local stack sets: elsewhere the chain does not exist and the paths are refused like any
 * unknown one.
 */
@Configuration
public class ResidentAppSecurity {
  static final String[] APP = {"/app/**"};
  static final String[] DEMO_SIGN_IN = {"/demo/sign-in", "/demo/sign-in/**"};

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 2)
  SecurityFilterChain residentAppPages(HttpSecurity http, RateLimiter limits) throws Exception {
    return WebPages.chain(http, limits, APP);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 3)
  @ConditionalOnProperty(name = "kairan.demo.sign-in.enabled", havingValue = "true")
  SecurityFilterChain demoSignInPages(HttpSecurity http, RateLimiter limits) throws Exception {
    return WebPages.chain(http, limits, DEMO_SIGN_IN, "/demo/sign-in/token");
  }
}
