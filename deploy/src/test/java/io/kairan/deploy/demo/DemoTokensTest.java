package io.kairan.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.kairan.api.security.Role;
import io.kairan.deploy.cli.Tool;
import io.kairan.testkit.tokens.LocalIdentityProvider;
import io.kairan.testkit.tokens.TokenIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher prints and deploy/token.sh mints, without a running stack. */
class DemoTokensTest {
  private final TokenIssuer issuer =
      new TokenIssuer("a-local-secret-of-thirty-two-bytes!", "kairan-local");

  private static Map<String, Object> claims(String token) throws Exception {
    return SignedJWT.parse(token).getJWTClaimsSet().getClaims();
  }

  @Test
  void aFirmTokenHasTheFirmRoleSoItsNoticesWaitAndAreNeverEmergencies() throws Exception {
    Map<String, Object> claims = claims(DemoTokens.FIRM.mint(issuer));

    assertThat(claims).containsEntry("sub", "aizu-shoten").containsEntry("name", "会津商店");
    assertThat(claims.get("roles")).asList().containsExactly("FIRM");
  }

  @Test
  void aDepartmentTokenHasTheDepartmentRoleAndTheNameGiven() throws Exception {
    Map<String, Object> claims = claims(DemoTokens.DEPARTMENT.mint(issuer, "aizu-fire", "消防本部"));

    assertThat(claims).containsEntry("sub", "aizu-fire").containsEntry("name", "消防本部");
    assertThat(claims.get("roles")).asList().containsExactly("DEPARTMENT");
  }

  @Test
  void eachKindOfPersonIsTheApiRoleOfTheSameName() {
    assertThat(Arrays.stream(DemoTokens.values()).map(DemoTokens::role))
        .containsExactly(Role.values());
  }

  @Test
  void theTokenCommandSignsWithTheKeyTheStackWroteForItsIdentityProvider(@TempDir Path dir)
      throws Exception {
    try (var provider = LocalIdentityProvider.start("kairan-local", "kairan-api")) {
      Path key = dir.resolve("signing-key.jwk");
      provider.writeSigningKey(key);

      SignedJWT token =
          SignedJWT.parse(
              DemoTokens.OPERATOR.mint(
                  LocalIdentityProvider.tokensFromKeyFile(key, "kairan-local", "kairan-api")));

      assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
      assertThat(token.verify(new RSASSAVerifier(provider.publicKey()))).isTrue();
      assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("kairan-api");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aPublisherTokenIsBoundToTheDemoCitySoItsReachPreviewIsAllowed() throws Exception {
    assertThat(claims(DemoTokens.DEPARTMENT.mint(issuer)))
        .containsEntry("municipality_code", "072028");
    assertThat(claims(DemoTokens.FIRM.mint(issuer, "tsuruga-ya", null)))
        .containsEntry("municipality_code", "072028");
  }

  @Test
  void anOperatorTokenHasTheOperatorRoleForTheDemoCity() throws Exception {
    Map<String, Object> claims = claims(DemoTokens.OPERATOR.mint(issuer));

    assertThat(claims).containsEntry("sub", "city-operations");
    assertThat(claims.get("roles")).asList().containsExactly("OPERATOR");
    assertThat(claims).containsEntry("municipality_code", "072028");
  }

  @Test
  void theTokenCommandMintsForAnyResidentId() throws Exception {
    var request = MintToken.Request.parse("resident", "r-000042", null);

    Map<String, Object> claims = claims(request.mint(issuer));

    assertThat(claims).containsEntry("sub", "r-000042").containsEntry("iss", "kairan-local");
    assertThat(claims.get("roles")).asList().containsExactly("RESIDENT");
  }

  @Test
  void aResidentTokenNeedsAnIdAndAnUnknownKindIsAUsageError() {
    assertThatThrownBy(() -> MintToken.Request.parse("resident", null, null))
        .isInstanceOf(Tool.UsageException.class)
        .hasMessage("a resident token needs the resident's id");
    assertThatThrownBy(() -> MintToken.Request.parse("mayor", null, null))
        .isInstanceOf(Tool.UsageException.class)
        .hasMessage("no kind mayor");
  }

  @Test
  void theStackFileRoundTripsAndOnlyItsOwnerCanReadIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("local-stack.env");
    LocalStackEnv env =
        new LocalStackEnv(
            "127.0.0.1:9092",
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8081",
            "http://127.0.0.1:9099",
            "/tmp/kairan-stack-1/signing-key.jwk",
            "kairan-local",
            "kairan-api");

    env.write(file);

    assertThat(LocalStackEnv.read(file)).isEqualTo(env);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingStackFileSaysToStartTheStack(@TempDir Path dir) {
    assertThatThrownBy(() -> LocalStackEnv.read(dir.resolve("local-stack.env")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run-local.sh");
  }
}
