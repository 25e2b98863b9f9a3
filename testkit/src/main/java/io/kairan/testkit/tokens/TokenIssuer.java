package io.kairan.testkit.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Issues HS256 tokens for the local stack and tests, the stand-in for a city's identity provider.
 * Roles are the API's role names ({@code RESIDENT}, {@code PUBLISHER}, {@code ANALYST}, …); it
 * lives here, out of the API's jar, because no production code may mint tokens.
 */
public final class TokenIssuer {
  private final byte[] secret;
  private final String issuer;
  private final Clock clock;

  public TokenIssuer(String secret, String issuer) {
    this(secret, issuer, Clock.systemUTC());
  }

  /** Tokens issued at the clock's time, valid for a day from then. */
  public TokenIssuer(String secret, String issuer, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.issuer = issuer;
    this.clock = clock;
  }

  public String resident(String residentId) {
    return token(residentId, "RESIDENT", Map.of());
  }

  /** A publisher's token names who they are, so a notice's publisher cannot be forged. */
  public String publisher(String publisherId, String name, String kind) {
    return token(publisherId, "PUBLISHER", Map.of("name", name, "publisher_kind", kind));
  }

  public String token(String subject, String role, Map<String, String> claims) {
    Instant now = clock.instant();
    var builder =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(issuer)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofDays(1))))
            .claim("roles", List.of(role));
    claims.forEach(builder::claim);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }
}
