package io.kairan.testkit.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A city's identity provider in miniature: an RSA and a P-256 key made for this run, whose public
 * halves it serves as a JWKS on loopback, and RS256 (or ES256) tokens signed with them. The local
 * stack and the tests point the API at {@link #jwksUri()} exactly as a city points it at its own
 * provider.
 */
public final class LocalIdentityProvider implements AutoCloseable {
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  private final RSAKey key;
  private final ECKey ecKey;
  private final String issuer;
  private final String audience;
  private final HttpServer server;

  private LocalIdentityProvider(
      RSAKey key, ECKey ecKey, String issuer, String audience, HttpServer server) {
    this.key = key;
    this.ecKey = ecKey;
    this.issuer = issuer;
    this.audience = audience;
    this.server = server;
  }

  /** New keys (RSA 2048, EC P-256) and their JWKS on a free loopback port. */
  public static LocalIdentityProvider start(String issuer, String audience) throws IOException {
    RSAKey key;
    ECKey ecKey;
    try {
      key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      ecKey = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make the provider's keys", e);
    }
    byte[] jwks =
        new JWKSet(List.of(key.toPublicJWK(), ecKey.toPublicJWK()))
            .toString(true)
            .getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        JWKS_PATH,
        exchange -> {
          try (exchange;
              OutputStream body = exchange.getResponseBody()) {
            if (!exchange.getRequestMethod().equals("GET")) {
              exchange.sendResponseHeaders(405, -1);
              return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, jwks.length);
            body.write(jwks);
          }
        });
    server.start();
    return new LocalIdentityProvider(key, ecKey, issuer, audience, server);
  }

  public URI jwksUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH);
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  /** Tokens signed with this provider's key, issued at the system's time. */
  public TokenIssuer tokens() {
    return tokens(Clock.systemUTC());
  }

  public TokenIssuer tokens(Clock clock) {
    return TokenIssuer.signingWith(key, issuer, audience, clock);
  }

  /** ES256 tokens, signed with the provider's P-256 key. */
  public TokenIssuer es256Tokens(Clock clock) {
    return TokenIssuer.signingWith(ecKey, issuer, audience, clock);
  }

  /** The RSA key's public half, as anyone may fetch it from the JWKS. */
  public RSAKey publicKey() {
    return key.toPublicJWK();
  }

  /**
   * Writes the signing key (private half included) readable by this user only, so a command-line
   * tool can mint tokens for the running stack (deploy/token.sh).
   */
  public void writeSigningKey(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, key.toJSONString());
  }

  /** Tokens signed with a key {@link #writeSigningKey} wrote. */
  public static TokenIssuer tokensFromKeyFile(Path file, String issuer, String audience)
      throws IOException {
    try {
      return TokenIssuer.signingWith(
          JWK.parse(Files.readString(file)), issuer, audience, Clock.systemUTC());
    } catch (ParseException e) {
      throw new IllegalStateException(file + " holds no signing key: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
