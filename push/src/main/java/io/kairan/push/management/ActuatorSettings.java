package io.kairan.push.management;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where push's actuator may be read from beyond the probes.
 *
 * @param allowedFrom address ranges (CIDR) whose callers may read metrics and Prometheus; loopback
 *     when unset. A cluster adds its monitoring's range (env KAIRAN_PUSH_ACTUATOR_ALLOWED_FROM).
 */
@ConfigurationProperties("kairan.push.actuator")
public record ActuatorSettings(List<String> allowedFrom) {
  static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

  public ActuatorSettings {
    allowedFrom =
        allowedFrom == null || allowedFrom.isEmpty() ? LOOPBACK : List.copyOf(allowedFrom);
    allowedFrom.forEach(AddressRange::parse); // a typo stops the start, not the monitoring
  }
}
