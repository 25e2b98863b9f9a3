package io.kairan.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.kairan.deploy.cli.Tool;
import io.kairan.testkit.tokens.TokenIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
  void aFirmTokenSaysItIsAFirmSoItCannotPostEmergencies() throws Exception {
    assertThat(claims(DemoTokens.FIRM.mint(issuer)))
        .containsEntry("sub", "aizu-shoten")
        .containsEntry("publisher_kind", "FIRM")
        .containsEntry("name", "会津商店");
  }

  @Test
  void aDepartmentTokenIsAPublisherOfKindDepartment() throws Exception {
    assertThat(claims(DemoTokens.DEPARTMENT.mint(issuer, "aizu-fire", "消防本部")))
        .containsEntry("sub", "aizu-fire")
        .containsEntry("publisher_kind", "DEPARTMENT")
        .containsEntry("name", "消防本部");
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
            "c2VjcmV0+/=",
            "kairan-local");

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
