package io.kairan.api.web;

import io.kairan.api.limits.RateLimitFilter;
import io.kairan.api.limits.RateLimiter;
import io.kairan.api.problem.ProblemResponses;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * A security chain for web pages' files: static HTML, scripts and styles that hold no data (every
 * call they make carries the signed-in person's bearer token to the API, whose own rules decide),
 * so anyone may read them. The chain matches only its paths, so nothing else is opened; it sends a
 * content security policy (scripts, styles, manifest, service worker and calls from this origin
 * only, so an injected text can run nothing), refuses anything but reads with a problem, and
 * applies the rate limits.
 */
public final class WebPages {
  private WebPages() {}

  public static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none';"
          + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private static final String REFUSED = "These pages' files can only be read.";

  /** Reads (GET, HEAD) of {@code paths} by anyone, POSTs of {@code posts} too; nothing else. */
  public static SecurityFilterChain chain(
      HttpSecurity http, RateLimiter limits, String[] paths, String... posts) throws Exception {
    http.securityMatcher(paths)
        .csrf(csrf -> csrf.disable()) // no cookies: nothing a forged request could ride on
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(HttpMethod.GET, paths).permitAll();
              auth.requestMatchers(HttpMethod.HEAD, paths).permitAll();
              if (posts.length > 0) {
                auth.requestMatchers(HttpMethod.POST, posts).permitAll();
              }
              auth.anyRequest().denyAll();
            })
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponses.write(response, HttpStatus.FORBIDDEN, REFUSED))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            ProblemResponses.write(response, HttpStatus.FORBIDDEN, REFUSED)))
        .addFilterBefore(new RateLimitFilter(limits), AuthorizationFilter.class);
    return http.build();
  }
}
