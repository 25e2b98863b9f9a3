package io.kairan.push.management;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Push has no users and no login: its actuator is read by probes and by the monitoring. Health
 * (status only, its liveness and readiness groups) answers anyone, so a cluster's probes reach it
 * on the pod's address; metrics and Prometheus answer only callers from {@link
 * ActuatorSettings#allowedFrom} (loopback by default), anyone else gets a 403 problem. Push is not
 * meant to sit behind a proxy: the caller is the connection's peer, never a forwarded header.
 */
@Component
class ActuatorAccessFilter extends OncePerRequestFilter {
  private final List<AddressRange> allowed;

  ActuatorAccessFilter(ActuatorSettings settings) {
    this.allowed = settings.allowedFrom().stream().map(AddressRange::parse).toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
    boolean probe = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    return !actuator || probe;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String caller = request.getRemoteAddr();
    if (allowed.stream().anyMatch(range -> range.contains(caller))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Push's"
                + " metrics are for the monitoring only (kairan.push.actuator.allowed-from);"
                + " health answers anyone.\"}");
  }
}
