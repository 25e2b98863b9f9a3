package io.kairan.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(
    controllers = RuleController.class,
    properties = "kairan.security.jwt-secret=0123456789abcdef0123456789abcdef")
@Import(io.kairan.api.security.SecurityTestSupport.class)
class RuleControllerTest {
  private static final String RULES =
      """
      {"name":"aizu-winter","version":3,
       "weights":{"interest":3,"category":1,"recency":1,"distance":1,"affinity":2},
       "categoryWeights":{"DISASTER":1.0,"SHOPPING":0.2},"digestCategories":["EVENTS"],
       "pushThreshold":0.4,"dailyPushCap":4,"firmDailyPushCap":1,
       "defaultQuietHours":{"start":"21:00","end":"07:00"},"digestTime":"18:00"}
      """;

  @Autowired MockMvc mvc;
  @MockitoBean RecordPublisher kafka;

  private ResultActions putRules(String path, String role, String body) throws Exception {
    return mvc.perform(
        put(path).with(as(role)).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private static RequestPostProcessor as(String role) {
    return jwt().jwt(j -> j.subject("someone")).authorities(new SimpleGrantedAuthority(role));
  }

  @Test
  void anAnalystActivatesARuleSetKeyedByItsSlot() throws Exception {
    putRules("/api/v1/rules/active", "ROLE_ANALYST", RULES)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.slot").value("ACTIVE"));

    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka).publish(eq(Topics.RULES), eq("active"), written.capture());
    RuleSet rules = (RuleSet) written.getValue();
    assertThat(rules.label()).isEqualTo("aizu-winter/3");
    assertThat(rules.slot()).isEqualTo(RuleSlot.ACTIVE);
  }

  @Test
  void aCandidateRunsInShadowAndStopsOnDelete() throws Exception {
    putRules("/api/v1/rules/shadow", "ROLE_ANALYST", RULES).andExpect(status().isAccepted());
    mvc.perform(delete("/api/v1/rules/shadow").with(as("ROLE_ANALYST")))
        .andExpect(status().isAccepted());

    verify(kafka).publish(eq(Topics.RULES), eq("shadow"), any(RuleSet.class));
    verify(kafka).publish(eq(Topics.RULES), eq("shadow"), isNull());
  }

  @Test
  void theActiveSetCannotBeRemovedAndThereIsNoThirdSlot() throws Exception {
    mvc.perform(delete("/api/v1/rules/active").with(as("ROLE_ANALYST")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    putRules("/api/v1/rules/experimental", "ROLE_ANALYST", RULES)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void anInvalidRuleSetIsAProblemNamingEachField() throws Exception {
    String invalid =
        RULES.replace("\"dailyPushCap\":4", "\"dailyPushCap\":-1").replace("18:00", "6pm");

    putRules("/api/v1/rules/active", "ROLE_ANALYST", invalid)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("dailyPushCap: must not be negative"))
        .andExpect(jsonPath("$.errors[1]").value("digestTime: must be a local time like 18:00"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void onlyAnalystsPublishRules() throws Exception {
    putRules("/api/v1/rules/active", "ROLE_PUBLISHER", RULES).andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void defaultQuietHoursOutOfRangeAreAProblemNamingEachEnd() throws Exception {
    String invalid = RULES.replace("\"21:00\"", "\"25:00\"").replace("\"07:00\"", "\"xx\"");

    putRules("/api/v1/rules/active", "ROLE_ANALYST", invalid)
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0]")
                .value("defaultQuietHours.start: must be a local time like 22:00"))
        .andExpect(
            jsonPath("$.errors[1]")
                .value("defaultQuietHours.end: must be a local time like 07:00"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void aDigestTimeOf2400IsAProblemNamingDigestTime() throws Exception {
    putRules("/api/v1/rules/shadow", "ROLE_ANALYST", RULES.replace("18:00", "24:00"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("digestTime: must be a local time like 18:00"));

    verify(kafka, never()).publish(any(), any(), any());
  }
}
