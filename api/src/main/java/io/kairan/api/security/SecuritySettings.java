package io.kairan.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings. The HMAC secret comes from the environment (KAIRAN_SECURITY_JWT_SECRET), never
 * from a committed file; the local stack makes a random one per run.
 */
@ConfigurationProperties("kairan.security")
public record SecuritySettings(String jwtSecret, String issuer) {
  public SecuritySettings {
    if (jwtSecret == null || jwtSecret.length() < 32) {
      throw new IllegalStateException(
          "kairan.security.jwt-secret (env KAIRAN_SECURITY_JWT_SECRET) must be set to at least 32 characters");
    }
    issuer = issuer == null ? "kairan-local" : issuer;
  }
}
