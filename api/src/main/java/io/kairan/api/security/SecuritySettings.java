package io.kairan.api.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whose tokens the API accepts. In production a city names its identity provider: {@code jwks-uri}
 * (its public keys; RS256 or ES256), {@code issuer} and {@code audience} (both checked on every
 * token). Without a JWKS URI the API runs in test mode on an HS256 secret shared with the tests
 * ({@code test-hmac-secret}); never both, so a production API cannot be made to accept tokens
 * signed with a secret. Secrets come from the environment, never from a committed file.
 */
@ConfigurationProperties("kairan.security")
public record SecuritySettings(URI jwksUri, String issuer, String audience, String testHmacSecret) {

  /** The issuer tests and the local stack name when none is set (test mode only). */
  static final String TEST_ISSUER = "kairan-local";

  public SecuritySettings {
    // An empty environment variable means unset.
    jwksUri = jwksUri == null || jwksUri.toString().isBlank() ? null : jwksUri;
    audience = blank(audience) ? null : audience;
    testHmacSecret = blank(testHmacSecret) ? null : testHmacSecret;
    if (jwksUri != null) {
      if (testHmacSecret != null) {
        throw new IllegalStateException(
            "kairan.security.test-hmac-secret is for tests only and cannot be set beside"
                + " kairan.security.jwks-uri: an API on a real identity provider accepts its"
                + " signatures alone");
      }
      if (blank(issuer) || blank(audience)) {
        throw new IllegalStateException(
            "kairan.security.issuer and kairan.security.audience (env KAIRAN_SECURITY_ISSUER,"
                + " KAIRAN_SECURITY_AUDIENCE) must name the identity provider and this API");
      }
    } else {
      if (testHmacSecret == null || testHmacSecret.length() < 32) {
        throw new IllegalStateException(
            "kairan.security.jwks-uri (env KAIRAN_SECURITY_JWKS_URI) must name the identity"
                + " provider's JWKS; for tests only, kairan.security.test-hmac-secret of at least"
                + " 32 characters instead");
      }
      issuer = blank(issuer) ? TEST_ISSUER : issuer;
    }
  }

  /** Test mode: HS256 tokens signed with {@link #testHmacSecret}. */
  public boolean testMode() {
    return jwksUri == null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
