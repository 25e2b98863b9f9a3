package io.kairan.testkit.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
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
 * Issues signed tokens for the local stack and tests, the stand-in for a city's identity provider:
 * RS256 or ES256 with a key whose public half a JWKS serves ({@link LocalIdentityProvider}), or
 * HS256 with a shared secret for the API's test mode. Roles are the API's role names ({@code
 * RESIDENT}, {@code DEPARTMENT}, {@code FIRM}, {@code ANALYST}, {@code OPERATOR}); it lives here,
 * out of the API's jar, because no production code may mint tokens.
 */
public final class TokenIssuer {
  /** The claim that binds a publisher or an operator to its municipality. */
  public static final String MUNICIPALITY = "municipality_code";

  private final JWSSigner signer;
  private final JWSHeader header;
  private final String issuer;
  private final String audience;
  private final Clock clock;

  private TokenIssuer(
      JWSSigner signer, JWSHeader header, String issuer, String audience, Clock clock) {
    this.signer = signer;
    this.header = header;
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
  }

  /** HS256 with a shared secret (the API's test mode), no audience, on the system's clock. */
  public TokenIssuer(String secret, String issuer) {
    this(secret, issuer, Clock.systemUTC());
  }

  /** HS256 tokens issued at the clock's time, valid for a day from then. */
  public TokenIssuer(String secret, String issuer, Clock clock) {
    this(macSigner(secret), new JWSHeader(JWSAlgorithm.HS256), issuer, null, clock);
  }

  /**
   * RS256 (an RSA key) or ES256 (a P-256 key) tokens for the audience, with the key's id in the
   * header as an identity provider sends it, so the API picks the key from its JWKS.
   */
  public static TokenIssuer signingWith(JWK key, String issuer, String audience, Clock clock) {
    try {
      if (key instanceof RSAKey rsa) {
        return new TokenIssuer(
            new RSASSASigner(rsa),
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(),
            issuer,
            audience,
            clock);
      }
      if (key instanceof ECKey ec) {
        return new TokenIssuer(
            new ECDSASigner(ec),
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(),
            issuer,
            audience,
            clock);
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot sign with " + key.getKeyID(), e);
    }
    throw new IllegalArgumentException("an RSA or EC key signs, not " + key.getKeyType());
  }

  /** The same signer, issuing at another clock's time (e.g. tokens that expired yesterday). */
  public TokenIssuer at(Clock otherClock) {
    return new TokenIssuer(signer, header, issuer, audience, otherClock);
  }

  /** The same signer, naming another issuer. */
  public TokenIssuer asIssuer(String otherIssuer) {
    return new TokenIssuer(signer, header, otherIssuer, audience, clock);
  }

  /** The same signer, for another audience. */
  public TokenIssuer forAudience(String otherAudience) {
    return new TokenIssuer(signer, header, issuer, otherAudience, clock);
  }

  public String resident(String residentId) {
    return token(residentId, "RESIDENT", Map.of());
  }

  /**
   * A department's or firm's token ({@code role} DEPARTMENT or FIRM) names who they are and the
   * municipality they publish for, so a notice's publisher cannot be forged.
   */
  public String publisher(String publisherId, String name, String role, String municipalityCode) {
    return token(publisherId, role, Map.of("name", name, MUNICIPALITY, municipalityCode));
  }

  /** A token with one role; {@code claims} add to the standard ones or replace them. */
  public String token(String subject, String role, Map<String, String> claims) {
    return sign(claims(subject, role, claims).build());
  }

  /** The claims {@link #token} signs, for a test that changes one before signing. */
  public JWTClaimsSet.Builder claims(String subject, String role, Map<String, String> claims) {
    Instant now = clock.instant();
    var builder =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(issuer)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofDays(1))))
            .claim("roles", List.of(role));
    if (audience != null) {
      builder.audience(audience);
    }
    claims.forEach(builder::claim);
    return builder;
  }

  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private static JWSSigner macSigner(String secret) {
    try {
      return new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes", e);
    }
  }
}
