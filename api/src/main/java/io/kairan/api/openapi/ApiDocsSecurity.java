package io.kairan.api.openapi;

import io.kairan.api.limits.RateLimitFilter;
import io.kairan.api.limits.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The document and Swagger UI are public: they describe the contract every client already has to
 * know (paths, shapes, problem types), hold no data and no secret, and a client generator or a
 * developer should not need a token to read them. A chain of their own, ahead of the API's, so the
 * API's rules stay as they are; the rate limits apply here too. A city that wants them closed sets
 * {@code springdoc.api-docs.enabled=false} and {@code springdoc.swagger-ui.enabled=false}.
 */
@Configuration
class ApiDocsSecurity {
  static final String[] PATHS = {
    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
  };

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain apiDocs(HttpSecurity http, RateLimiter limits) throws Exception {
    http.securityMatcher(PATHS)
        .csrf(csrf -> csrf.disable()) // nothing here changes anything
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth -> auth.requestMatchers(HttpMethod.GET, PATHS).permitAll().anyRequest().denyAll())
        .addFilterBefore(new RateLimitFilter(limits), AuthorizationFilter.class);
    return http.build();
  }
}
