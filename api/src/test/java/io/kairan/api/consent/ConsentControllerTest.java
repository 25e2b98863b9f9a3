package io.kairan.api.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.profile.ProfileBook;
import io.kairan.model.Topics;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(
    controllers = ConsentController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  io.kairan.api.ResidentTestSupport.class,
  ConsentControllerTest.FixedClock.class
})
class ConsentControllerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final Instant GIVEN = Instant.parse("2026-11-01T00:00:00Z");

  @TestConfiguration
  static class FixedClock {
    @Bean
    @org.springframework.context.annotation.Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ProfileBook profiles;
  @Autowired ConsentBook histories;
  @MockitoBean RecordPublisher kafka;

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  /** A resident who consented to HEALTH and DISASTER on the 1st, as the book holds them. */
  private void optedIn(String id) {
    profiles.put(
        new ResidentProfile(
            id,
            "072028",
            "湊町",
            null,
            1950,
            List.of(),
            List.of("ja"),
            Set.of(),
            Map.of(
                Category.HEALTH, new Consent(true, GIVEN),
                Category.DISASTER, new Consent(true, GIVEN)),
            null,
            null,
            Set.of(),
            GIVEN));
    histories.put(
        new ConsentHistory(
            id,
            List.of(
                new ConsentEvent(Category.DISASTER, "notices", "2026-11", true, GIVEN),
                new ConsentEvent(Category.HEALTH, "notices", "2026-11", true, GIVEN))));
  }

  @Test
  void withdrawingPublishesTheProfileWithTheConsentTakenBackNowAndKeepsTheOthers()
      throws Exception {
    optedIn("r-w1");

    mvc.perform(post("/api/v1/me/consents/HEALTH/withdraw").with(resident("r-w1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.current.HEALTH.granted").value(false))
        .andExpect(jsonPath("$.current.DISASTER.granted").value(true));

    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka).publish(eq(Topics.PROFILES), eq("r-w1"), written.capture());
    ResidentProfile published = (ResidentProfile) written.getValue();
    assertThat(published.consents())
        .isEqualTo(
            Map.of(
                Category.HEALTH, new Consent(false, NOW),
                Category.DISASTER, new Consent(true, GIVEN)));
    assertThat(published.district()).isEqualTo("湊町");
    assertThat(profiles.get("r-w1")).contains(published);
  }

  @Test
  void theWithdrawalIsAppendedToTheHistoryAndNothingBeforeItChanges() throws Exception {
    optedIn("r-w2");
    List<ConsentEvent> before = histories.of("r-w2").events();

    mvc.perform(post("/api/v1/me/consents/HEALTH/withdraw").with(resident("r-w2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history.length()").value(3))
        .andExpect(jsonPath("$.history[2].category").value("HEALTH"))
        .andExpect(jsonPath("$.history[2].granted").value(false))
        .andExpect(jsonPath("$.history[2].at").value("2026-11-23T09:00:00Z"))
        .andExpect(jsonPath("$.history[2].policyVersion").value("2026-11"))
        .andExpect(jsonPath("$.history[2].purpose").value("notices"));

    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka).publish(eq(ConsentBook.TOPIC), eq("r-w2"), written.capture());
    List<ConsentEvent> after = ((ConsentHistory) written.getValue()).events();
    assertThat(after.subList(0, 2)).isEqualTo(before);
    assertThat(after.get(2))
        .isEqualTo(new ConsentEvent(Category.HEALTH, "notices", "2026-11", false, NOW));
  }

  @Test
  void theConsentsAreTheCallersCurrentOnesAndTheirWholeHistory() throws Exception {
    optedIn("r-c1");
    optedIn("r-c2");
    mvc.perform(post("/api/v1/me/consents/DISASTER/withdraw").with(resident("r-c2")))
        .andExpect(status().isOk());

    mvc.perform(get("/api/v1/me/consents").with(resident("r-c1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.current.DISASTER.granted").value(true))
        .andExpect(jsonPath("$.history.length()").value(2))
        .andExpect(jsonPath("$.history[0].category").value("DISASTER"))
        .andExpect(jsonPath("$.history[0].granted").value(true));
  }

  @Test
  void anUnknownCategoryIsA400ProblemNamingTheCategoriesAndNothingIsPublished() throws Exception {
    optedIn("r-u");

    mvc.perform(post("/api/v1/me/consents/GOSSIP/withdraw").with(resident("r-u")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[0]")
                .value(org.hamcrest.Matchers.startsWith("category: must be one of [CHILDCARE,")));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void withdrawingWithoutAProfileIsA404ProblemAndNothingIsPublished() throws Exception {
    mvc.perform(post("/api/v1/me/consents/HEALTH/withdraw").with(resident("r-none")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any());
  }
}
