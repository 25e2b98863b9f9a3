package io.kairan.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.kairan.api.demo.DemoSignIn.DemoAccount;
import io.kairan.api.demo.DemoSignIn.DemoToken;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.testkit.tokens.TokenIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who the local stack's demo sign-in offers, and the tokens it hands out. */
class DemoAccountsTest {
  private final DemoAccounts accounts =
      new DemoAccounts(new TokenIssuer("a-local-secret-of-thirty-two-bytes!", "kairan-local"));

  private static Map<String, Object> claims(DemoToken token) throws Exception {
    return SignedJWT.parse(token.token()).getJWTClaimsSet().getClaims();
  }

  private static ResidentProfile resident(String id, String district) {
    return new ResidentProfile(
        id,
        "072028",
        district,
        null,
        1980,
        List.of(),
        List.of("ja"),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aNewcomerIsANewResidentEachTimeSoEachTryStartsAtOnboarding() throws Exception {
    DemoToken first = accounts.signIn(DemoAccounts.NEWCOMER).orElseThrow();
    DemoToken second = accounts.signIn(DemoAccounts.NEWCOMER).orElseThrow();

    assertThat(first.subject()).isEqualTo("newcomer-1");
    assertThat(second.subject()).isEqualTo("newcomer-2");
    assertThat(claims(first)).containsEntry("sub", "newcomer-1");
    assertThat(claims(first).get("roles")).asList().containsExactly("RESIDENT");
  }

  @Test
  void everyStaffRoleIsOfferedWithTheDemosDefaultSubjectAndItsRole() throws Exception {
    List<String> roles = new ArrayList<>();
    for (DemoAccount account : accounts.accounts()) {
      if (!account.role().equals("RESIDENT")) {
        DemoToken token = accounts.signIn(account.id()).orElseThrow();
        assertThat(claims(token)).containsEntry("sub", account.id());
        assertThat(claims(token).get("roles")).asList().containsExactly(account.role());
        roles.add(account.role());
      }
    }
    assertThat(roles).containsExactly("DEPARTMENT", "FIRM", "ANALYST", "OPERATOR");
    Map<String, Object> department = claims(accounts.signIn("aizuwakamatsu-city").orElseThrow());
    assertThat(department).containsEntry("municipality_code", "072028");
  }

  @Test
  void theFirstResidentOfEachDistrictIsOfferedFiveAtMostAndNobodyElse() throws Exception {
    accounts.offer(
        List.of(
            resident("r-1", "北会津町"),
            resident("r-2", "北会津町"),
            resident("r-3", "湊町"),
            resident("r-4", "河東町"),
            resident("r-5", "大戸町"),
            resident("r-6", "栄町"),
            resident("r-7", "七日町")));

    List<String> offered =
        accounts.accounts().stream()
            .filter(a -> a.role().equals("RESIDENT"))
            .map(DemoAccount::id)
            .toList();
    assertThat(offered).containsExactly(DemoAccounts.NEWCOMER, "r-1", "r-3", "r-4", "r-5", "r-6");
    assertThat(claims(accounts.signIn("r-3").orElseThrow())).containsEntry("sub", "r-3");
    assertThat(accounts.signIn("r-2")).isEmpty();
    assertThat(accounts.signIn("mayor")).isEmpty();
  }
}
