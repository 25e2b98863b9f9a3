package io.kairan.api.notice;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.reach.ReachTestSupport;
import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.testkit.tokens.TokenIssuer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The reach preview through HTTP with real signed tokens, the real index, rules and matching core.
 * Each test puts residents in districts of its own, so the shared index never mixes tests.
 */
@WebMvcTest(
    controllers = PreviewController.class,
    properties = "kairan.security.test-hmac-secret=" + PreviewControllerTest.SECRET)
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  ReachTestSupport.class,
  PreviewControllerTest.At.class
})
class PreviewControllerTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  // 18:00 in Tokyo: quiet hours from 17:00 hold a push until they end.
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final String AIZU = "072028";

  @TestConfiguration
  static class At {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ResidentIndex residents;

  private final TokenIssuer issuer =
      new TokenIssuer(SECRET, "kairan-local", Clock.fixed(NOW, ZoneOffset.UTC));

  private String publisher(String kind, String municipality) {
    return issuer.token("dept-1", kind, Map.of("name", "会津若松市", "municipality_code", municipality));
  }

  private String city() {
    return publisher("DEPARTMENT", AIZU);
  }

  /** {@code n} residents of the district who consent to childcare, with these quiet hours. */
  private void residentsOf(String district, int n, QuietHours quiet) {
    for (int i = 0; i < n; i++) {
      residents.put(
          new ResidentProfile(
              district + "-" + i,
              AIZU,
              district,
              null,
              1985,
              List.of(2022),
              List.of("ja"),
              Set.of(),
              Map.of(Category.CHILDCARE, new Consent(true, NOW)),
              quiet,
              "Asia/Tokyo",
              Set.of(),
              NOW));
    }
  }

  /** The demo draft (important, childcare) for the given districts. */
  private static String draftFor(String severity, String... districts) {
    String names = String.join("\",\"", districts);
    return NoticeTestSupport.DRAFT
        .replace("\"IMPORTANT\"", "\"" + severity + "\"")
        .replace(
            "{\"type\":\"everyone\"}", "{\"type\":\"district\",\"districts\":[\"" + names + "\"]}");
  }

  private ResultActions preview(String token, String body) throws Exception {
    var request =
        post("/api/v1/notices/preview").contentType(MediaType.APPLICATION_JSON).content(body);
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return mvc.perform(request);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID();
  }

  @Test
  void aDraftsReachIsCountedByDistrictAndChannelWithTheSmallGroupAndTheOneThatGivesItAwayWithheld()
      throws Exception {
    String a = unique("a湊町");
    String b = unique("b一箕町");
    String c = unique("c大戸町");
    residentsOf(a, 25, null);
    residentsOf(b, 12, new QuietHours("17:00", "07:00"));
    residentsOf(c, 3, null);

    // 40 residents: a 25, b 12, c 3 (withheld; b too, else 40 - 25 would give c away);
    // b's are in their quiet hours at 18:00 Tokyo time: pushed at 07:00; the others now.
    preview(city(), draftFor("IMPORTANT", a, b, c))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.residents").value(40))
        .andExpect(jsonPath("$.withheld").value(false))
        .andExpect(jsonPath("$.byDistrict[*].name").value(contains(a, b, c)))
        .andExpect(jsonPath("$.byDistrict[0].residents").value(25))
        .andExpect(jsonPath("$.byDistrict[1].residents").isEmpty())
        .andExpect(jsonPath("$.byDistrict[1].withheld").value(true))
        .andExpect(jsonPath("$.byDistrict[2].residents").isEmpty())
        .andExpect(jsonPath("$.byDistrict[2].withheld").value(true))
        .andExpect(jsonPath("$.byChannel[*].name").value(contains("PUSH_NOW", "PUSH_AT")))
        .andExpect(jsonPath("$.byChannel[0].residents").value(28))
        .andExpect(jsonPath("$.byChannel[1].residents").value(12))
        .andExpect(jsonPath("$.ruleSet").value("builtin/1"))
        .andExpect(jsonPath("$.at").value("2026-11-23T09:00:00Z"))
        .andExpect(jsonPath("$.minimumGroup").value(10))
        .andExpect(jsonPath("$.approximations[*]").value(hasItem(startsWith("daily caps:"))));
  }

  @Test
  void aReachUnder10IsWithheldWhole() throws Exception {
    String a = unique("a湊町");
    residentsOf(a, 9, null);

    preview(city(), draftFor("IMPORTANT", a))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.residents").isEmpty())
        .andExpect(jsonPath("$.withheld").value(true))
        .andExpect(jsonPath("$.byDistrict[0].withheld").value(true))
        .andExpect(jsonPath("$.byChannel[0].withheld").value(true));
  }

  @Test
  void anEmergencyReachesEveryoneInTheAudienceAndPushesNowEvenInQuietHours() throws Exception {
    String a = unique("a湊町");
    residentsOf(a, 15, new QuietHours("17:00", "07:00"));

    preview(city(), draftFor("EMERGENCY", a).replace("CHILDCARE", "DISASTER"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.residents").value(15))
        .andExpect(jsonPath("$.byChannel[*].name").value(contains("PUSH_NOW")));
  }

  @Test
  void anOperatorMayPreviewAnyMunicipalitysDraft() throws Exception {
    String a = unique("a湊町");
    residentsOf(a, 11, null);

    preview(issuer.token("ops-1", "OPERATOR", Map.of()), draftFor("IMPORTANT", a))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.residents").value(11));
  }

  @Test
  void withoutATokenItIs401AsAProblem() throws Exception {
    preview(null, draftFor("IMPORTANT", "湊町"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aResidentsTokenIs403() throws Exception {
    preview(issuer.resident("r-1"), draftFor("IMPORTANT", "湊町"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aPublisherOfAnotherMunicipalityIs403() throws Exception {
    preview(publisher("DEPARTMENT", "131016"), draftFor("IMPORTANT", "湊町"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(startsWith("You publish for municipality 131016")));
  }

  @Test
  void aPublisherTokenNamingNoMunicipalityIs403() throws Exception {
    String token = issuer.token("dept-1", "DEPARTMENT", Map.of("name", "x"));

    preview(token, draftFor("IMPORTANT", "湊町"))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.detail").value(startsWith("Your token does not say which municipality")));
  }

  @Test
  void aPublisherTokenThatIsBothDepartmentAndFirmIs403() throws Exception {
    // A space-separated roles claim carries both roles; guessing one could post as the other.
    preview(
            issuer.token(
                "dept-1",
                "DEPARTMENT",
                Map.of("roles", "DEPARTMENT FIRM", "municipality_code", AIZU)),
            draftFor("IMPORTANT", "湊町"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(startsWith("Your token does not say what kind")));
  }

  @Test
  void aDraftWithoutATitleOrAudienceIsA400ProblemNamingTheFieldsAsAPostWouldBe() throws Exception {
    String draft =
        NoticeTestSupport.DRAFT
            .replaceFirst("\"title\":\\{[^}]*\\},", "")
            .replace(",\n \"audience\":{\"type\":\"everyone\"}", "")
            .replace("\"audience\":{\"type\":\"everyone\"}", "\"audience\":null");

    preview(city(), draft)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors").value(hasItem(startsWith("title:"))))
        .andExpect(jsonPath("$.errors").value(hasItem(startsWith("audience:"))));
  }

  @Test
  void aFirmsEmergencyIsA400AsOnAPost() throws Exception {
    preview(publisher("FIRM", AIZU), draftFor("EMERGENCY", "湊町"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors").value(hasItem("severity: a firm cannot publish an emergency")));
  }

  @Test
  void aMistypedFieldIsA400NamingIt() throws Exception {
    preview(city(), draftFor("IMPORTANT", "湊町").replace("\"severity\"", "\"severty\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
