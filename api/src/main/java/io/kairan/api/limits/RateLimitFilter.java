package io.kairan.api.limits;

import io.kairan.api.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a client's request over its rate limit with 429, {@code Retry-After} (whole seconds,
 * rounded up) and a problem document. The client is the token's subject, so one resident or
 * publisher is one client from anywhere; a request without a valid token counts for its remote
 * address. Runs in the security chain after the token is read (a bad token is 401 before). Health
 * probes are never limited.
 */
public class RateLimitFilter extends OncePerRequestFilter {
  private final RateLimiter limiter;

  public RateLimitFilter(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> wait = limiter.take(request.getMethod(), clientOf(request));
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = retryAfterSeconds(wait.get());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ProblemResponses.write(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many requests from you for this kind of call; try again in " + seconds + " s.");
  }

  /** Whole seconds, never 0: a client told 0 would come back at once and be refused again. */
  static long retryAfterSeconds(Duration wait) {
    long seconds = wait.toSeconds();
    return wait.equals(Duration.ofSeconds(seconds)) ? Math.max(1, seconds) : seconds + 1;
  }

  private static String clientOf(HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof Jwt token) {
      return "token:" + token.getSubject();
    }
    return "address:" + request.getRemoteAddr();
  }
}
