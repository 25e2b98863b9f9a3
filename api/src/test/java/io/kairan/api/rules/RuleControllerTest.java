package io.kairan.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.MovingClock;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.kafka.WrittenRecords.Written;
import io.kairan.api.reach.ActiveRules;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The analysts' rule slots over HTTP: what each call writes to Kafka (rules.v1, which the job
 * reads, and the API's rules.history.v1) and what GET answers, on a clock the test moves.
 */
@WebMvcTest(
    controllers = RuleController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  RulesTestSupport.class,
  RuleControllerTest.Time.class
})
// Each test starts from empty slots and history: the context (and its books) is not shared.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RuleControllerTest {
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  static final String RULES =
      """
      {"name":"aizu-winter","version":3,
       "weights":{"interest":3,"category":1,"recency":1,"distance":1,"affinity":2},
       "categoryWeights":{"DISASTER":1.0,"SHOPPING":0.2},"digestCategories":["EVENTS"],
       "pushThreshold":0.4,"dailyPushCap":4,"firmDailyPushCap":1,
       "defaultQuietHours":{"start":"21:00","end":"07:00"},"digestTime":"18:00"}
      """;

  @TestConfiguration
  static class Time {
    @Bean
    @Primary
    MovingClock movingClock() {
      return new MovingClock(T0);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired MovingClock clock;
  @MockitoBean RecordPublisher kafka;
  private final List<Written> written = new ArrayList<>();

  @BeforeEach
  void recordWhatIsWritten() {
    clock.set(T0);
    doAnswer(
            call -> {
              Object value = call.getArgument(2);
              written.add(
                  new Written(
                      call.getArgument(0),
                      call.getArgument(1),
                      value == null ? null : Json.write(value),
                      Map.copyOf(call.getArgument(3))));
              return null;
            })
        .when(kafka)
        .publish(any(), any(), any(), anyMap());
  }

  private List<Written> on(String topic) {
    return written.stream().filter(w -> w.topic().equals(topic)).toList();
  }

  private ResultActions putRules(String path, String role, String body) throws Exception {
    return mvc.perform(
        put(path).with(as(role, "ana-1")).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions rollback(String slot, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/rules/" + slot + "/rollback")
            .with(as("ROLE_ANALYST", "ana-2"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static RequestPostProcessor as(String role, String subject) {
    return jwt().jwt(j -> j.subject(subject)).authorities(new SimpleGrantedAuthority(role));
  }

  private static String version(int v) {
    return RULES.replace("\"version\":3", "\"version\":" + v);
  }

  @Test
  void anAnalystActivatesARuleSetKeyedByItsSlotAsTheJobReadsIt() throws Exception {
    putRules("/api/v1/rules/active", "ROLE_ANALYST", RULES)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.slot").value("ACTIVE"));

    Written record = on(Topics.RULES).get(0);
    assertThat(record.key()).isEqualTo("active");
    // The job reads the value alone, as ActiveRules does: a rule set of that slot, valid.
    ActiveRules asTheJobReads = new ActiveRules();
    asTheJobReads.accept(record.key(), record.json());
    assertThat(asTheJobReads.active().label()).isEqualTo("aizu-winter/3");
    assertThat(asTheJobReads.active().createdAt()).isEqualTo(T0);
  }

  @Test
  void eachPublicationIsRecordedInTheHistoryBeforeTheSlotWithWhoAndWhen() throws Exception {
    String id =
        putRules("/api/v1/rules/shadow", "ROLE_ANALYST", RULES)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Kairan-Rules-Id");

    assertThat(written).extracting(Written::topic).containsExactly("rules.history.v1", "rules.v1");
    RulePublication entry = Json.read(written.get(0).json(), RulePublication.class);
    assertThat(entry.id()).isEqualTo(id).isEqualTo(written.get(0).key());
    assertThat(entry.publishedBy()).isEqualTo("ana-1");
    assertThat(entry.publishedAt()).isEqualTo(T0);
    assertThat(written.get(1).headers()).containsEntry("kairan-rules-id", id);
  }

  @Test
  void getShowsBothSlotsAndEachSlotsHistoryNewestFirstWithWhoAndWhen() throws Exception {
    putRules("/api/v1/rules/active", "ROLE_ANALYST", version(3));
    clock.advance(Duration.ofHours(1));
    mvc.perform(
        put("/api/v1/rules/shadow")
            .with(as("ROLE_ANALYST", "ana-2"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(version(4)));
    clock.advance(Duration.ofHours(1));
    mvc.perform(delete("/api/v1/rules/shadow").with(as("ROLE_ANALYST", "ana-3")));

    mvc.perform(get("/api/v1/rules").with(as("ROLE_ANALYST", "ana-9")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active.rules.version").value(3))
        .andExpect(jsonPath("$.active.publishedBy").value("ana-1"))
        .andExpect(jsonPath("$.active.publishedAt").value("2026-11-20T09:00:00Z"))
        .andExpect(jsonPath("$.shadow.rules").isEmpty())
        .andExpect(jsonPath("$.shadow.publishedBy").value("ana-3"))
        .andExpect(jsonPath("$.activeHistory.length()").value(1))
        .andExpect(jsonPath("$.shadowHistory.length()").value(2))
        .andExpect(jsonPath("$.shadowHistory[0].rules").isEmpty())
        .andExpect(jsonPath("$.shadowHistory[0].publishedAt").value("2026-11-20T11:00:00Z"))
        .andExpect(jsonPath("$.shadowHistory[1].rules.version").value(4))
        .andExpect(jsonPath("$.shadowHistory[1].publishedBy").value("ana-2"))
        .andExpect(jsonPath("$.shadowHistory[1].publishedAt").value("2026-11-20T10:00:00Z"));
  }

  @Test
  void beforeAnyPublicationTheActiveSlotHoldsTheBuiltInRulesAndTheShadowNone() throws Exception {
    mvc.perform(get("/api/v1/rules").with(as("ROLE_ANALYST", "ana-9")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active.rules.name").value("builtin"))
        .andExpect(jsonPath("$.active.id").isEmpty())
        .andExpect(jsonPath("$.shadow.rules").isEmpty())
        .andExpect(jsonPath("$.activeHistory").isEmpty());
  }

  @Test
  void aRollbackPutsTheEarlierVersionBackAsANewEntryNamingIt() throws Exception {
    String v3 =
        putRules("/api/v1/rules/active", "ROLE_ANALYST", version(3))
            .andReturn()
            .getResponse()
            .getHeader("Kairan-Rules-Id");
    clock.advance(Duration.ofHours(1));
    putRules("/api/v1/rules/active", "ROLE_ANALYST", version(4));
    clock.advance(Duration.ofHours(1));

    rollback("active", "{\"id\":\"" + v3 + "\"}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.rollbackOf").value(v3))
        .andExpect(jsonPath("$.publishedBy").value("ana-2"))
        .andExpect(jsonPath("$.rules.version").value(3))
        .andExpect(jsonPath("$.rules.createdAt").value("2026-11-20T11:00:00Z"));

    List<Written> slot = on(Topics.RULES);
    RuleSet now = Json.read(slot.get(slot.size() - 1).json(), RuleSet.class);
    assertThat(now.label()).isEqualTo("aizu-winter/3");
    mvc.perform(get("/api/v1/rules").with(as("ROLE_ANALYST", "ana-9")))
        .andExpect(jsonPath("$.active.rules.version").value(3))
        .andExpect(jsonPath("$.activeHistory.length()").value(3))
        .andExpect(jsonPath("$.activeHistory[0].rollbackOf").value(v3));
  }

  @Test
  void aCandidateTriedInShadowIsActivatedByItsId() throws Exception {
    String candidate =
        putRules("/api/v1/rules/shadow", "ROLE_ANALYST", version(7))
            .andReturn()
            .getResponse()
            .getHeader("Kairan-Rules-Id");

    rollback("active", "{\"id\":\"" + candidate + "\"}").andExpect(status().isAccepted());

    Written last = on(Topics.RULES).get(on(Topics.RULES).size() - 1);
    assertThat(last.key()).isEqualTo("active");
    assertThat(Json.read(last.json(), RuleSet.class).slot().key()).isEqualTo("active");
    assertThat(Json.read(last.json(), RuleSet.class).version()).isEqualTo(7);
  }

  @Test
  void aRollbackToAnUnknownIdIs404WithoutAnIdIs400AndToAStopIs409() throws Exception {
    mvc.perform(delete("/api/v1/rules/shadow").with(as("ROLE_ANALYST", "ana-1")));
    String stop = on("rules.history.v1").get(0).key();
    int before = written.size();

    rollback("active", "{\"id\":\"no-such-id\"}")
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    rollback("active", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("id: must name an entry of the history"));
    rollback("shadow", "{\"id\":\"" + stop + "\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(written).hasSize(before);
  }

  @Test
  void aCandidateRunsInShadowAndStopsOnDelete() throws Exception {
    putRules("/api/v1/rules/shadow", "ROLE_ANALYST", RULES).andExpect(status().isAccepted());
    mvc.perform(delete("/api/v1/rules/shadow").with(as("ROLE_ANALYST", "ana-1")))
        .andExpect(status().isAccepted());

    assertThat(on(Topics.RULES)).extracting(Written::key).containsExactly("shadow", "shadow");
    assertThat(on(Topics.RULES).get(1).json()).isNull();
  }

  @Test
  void theActiveSetCannotBeRemovedAndThereIsNoThirdSlot() throws Exception {
    mvc.perform(delete("/api/v1/rules/active").with(as("ROLE_ANALYST", "ana-1")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    putRules("/api/v1/rules/experimental", "ROLE_ANALYST", RULES)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    rollback("experimental", "{\"id\":\"x\"}").andExpect(status().isNotFound());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void anInvalidRuleSetIsAProblemNamingEachField() throws Exception {
    String invalid =
        RULES.replace("\"dailyPushCap\":4", "\"dailyPushCap\":-1").replace("18:00", "6pm");

    putRules("/api/v1/rules/active", "ROLE_ANALYST", invalid)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("dailyPushCap: must not be negative"))
        .andExpect(jsonPath("$.errors[1]").value("digestTime: must be a local time like 18:00"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void onlyAnalystsPublishReadOrRollBackRules() throws Exception {
    putRules("/api/v1/rules/active", "ROLE_DEPARTMENT", RULES).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/rules").with(as("ROLE_RESIDENT", "r-1")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/rules/active/rollback")
                .with(as("ROLE_OPERATOR", "op-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"x\"}"))
        .andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
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

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aDigestTimeOf2400IsAProblemNamingDigestTime() throws Exception {
    putRules("/api/v1/rules/shadow", "ROLE_ANALYST", RULES.replace("18:00", "24:00"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("digestTime: must be a local time like 18:00"))
        .andExpect(header().doesNotExist("Kairan-Rules-Id"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }
}
