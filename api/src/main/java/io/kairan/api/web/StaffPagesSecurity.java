package io.kairan.api.web;

import io.kairan.api.limits.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The publisher console ({@code /console/}), the analyst workbench ({@code /workbench/}), what they
 * share ({@code /staff/}) and the demo city's town list ({@code /city/}, for the console's map):
 * static files anyone may read, in a read-only chain of their own ahead of the API's ({@link
 * WebPages}), so nothing else is opened.
 */
@Configuration
class StaffPagesSecurity {
  static final String[] PATHS = {"/console/**", "/workbench/**", "/staff/**", "/city/**"};

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  SecurityFilterChain staffPages(HttpSecurity http, RateLimiter limits) throws Exception {
    return WebPages.chain(http, limits, PATHS);
  }
}
