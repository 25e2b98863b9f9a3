package io.kairan.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.MovingClock;
import io.kairan.api.comparison.FiguresSettings;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.reach.ActiveRules;
import io.kairan.api.reach.ReachTestSupport;
import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.notice.NoticeStatus;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Simulations over HTTP with the real residents' index, ledger, active rules and replay; the test
 * decides when the queued simulations run, so "running" and "done" are each seen for sure.
 */
@WebMvcTest(
    controllers = SimulationController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  ReachTestSupport.class,
  SimulationControllerTest.Support.class
})
// Each test starts with its own residents, notices and no simulation.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SimulationControllerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z"); // 18:00 in Tokyo
  static final String CAP_2 =
      """
      {"rules":{"name":"fewer-pushes","version":1,
       "weights":{"interest":3,"category":1,"recency":1,"distance":1,"affinity":2},
       "categoryWeights":{},"digestCategories":[],"pushThreshold":0.0,"dailyPushCap":2,
       "firmDailyPushCap":1,"digestTime":"18:00"},"days":7}
      """;

  @TestConfiguration
  @EnableConfigurationProperties({LedgerSettings.class, FiguresSettings.class})
  static class Support {
    @Bean
    @Primary
    Clock movingClock() {
      return new MovingClock(NOW);
    }

    @Bean
    NoticeLedger noticeLedger(LedgerSettings settings, Clock clock) {
      NoticeLedger ledger = new NoticeLedger(settings, clock);
      ledger.markCaughtUp();
      return ledger;
    }

    @Bean
    QueuedTasks queuedTasks() {
      return new QueuedTasks();
    }

    @Bean
    Simulations simulations(
        ResidentIndex residents,
        NoticeLedger ledger,
        ActiveRules rules,
        FiguresSettings settings,
        Clock clock,
        QueuedTasks tasks) {
      return new Simulations(residents, ledger, rules, settings, clock, tasks);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ResidentIndex residents;
  @Autowired NoticeLedger ledger;
  @Autowired QueuedTasks tasks;

  /** Twelve residents alike; three important notices on 11-22 at 10:00, 11:00 and 12:00 Tokyo. */
  @BeforeEach
  void twelveResidentsAndThreeNoticesOfOneDay() {
    SimulationFixtures.alike(12, null).forEach(residents::put);
    for (int i = 1; i <= 3; i++) {
      ledger.apply(
          SimulationFixtures.important(
              "n-" + i, 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-22T0" + i + ":00:00Z")));
    }
  }

  private static RequestPostProcessor as(String role, String subject) {
    return jwt().jwt(j -> j.subject(subject)).authorities(new SimpleGrantedAuthority(role));
  }

  private ResultActions start(String body) throws Exception {
    return mvc.perform(
        post("/api/v1/rules/simulations")
            .with(as("ROLE_ANALYST", "ana-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private ResultActions statusAt(String location) throws Exception {
    return mvc.perform(get(location).with(as("ROLE_ANALYST", "ana-2")));
  }

  @Test
  void aSimulationIsAcceptedWithItsStatusUrlAndOnceRunReportsItsFiguresBesideTheActiveSets()
      throws Exception {
    String location =
        start(CAP_2)
            .andExpect(status().isAccepted())
            .andExpect(
                header()
                    .string(
                        "Location", org.hamcrest.Matchers.startsWith("/api/v1/rules/simulations/")))
            .andExpect(jsonPath("$.state").value("RUNNING"))
            .andExpect(jsonPath("$.progress").value(0.0))
            .andExpect(jsonPath("$.requestedBy").value("ana-1"))
            .andExpect(jsonPath("$.candidate").value("fewer-pushes/1"))
            .andExpect(jsonPath("$.active").value("builtin/1"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    statusAt(location).andExpect(jsonPath("$.state").value("RUNNING"));

    tasks.runAll();

    // Built-in cap 5: three pushes each; the candidate's cap 2 sends the third to the digest.
    statusAt(location)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("DONE"))
        .andExpect(jsonPath("$.progress").value(1.0))
        .andExpect(jsonPath("$.figures.from").value("2026-11-16T09:00:00Z"))
        .andExpect(jsonPath("$.figures.to").value("2026-11-23T09:00:00Z"))
        .andExpect(jsonPath("$.figures.residents").value(12))
        .andExpect(jsonPath("$.figures.notices").value(3))
        .andExpect(jsonPath("$.figures.active.pushesPerResidentPerDay.p50").value(3))
        .andExpect(jsonPath("$.figures.active.byCategoryAndChannel[0].deliveries").value(36))
        .andExpect(jsonPath("$.figures.candidate.pushesPerResidentPerDay.max").value(2))
        .andExpect(
            jsonPath("$.figures.candidate.byCategoryAndChannel[0].channel").value("PUSH_NOW"))
        .andExpect(jsonPath("$.figures.candidate.byCategoryAndChannel[0].deliveries").value(24))
        .andExpect(jsonPath("$.figures.candidate.byCategoryAndChannel[1].channel").value("DIGEST"))
        .andExpect(jsonPath("$.figures.candidate.byCategoryAndChannel[1].deliveries").value(12))
        .andExpect(jsonPath("$.figures.candidate.importantCoverage.share").value(1.0))
        .andExpect(jsonPath("$.figures.channelChanged.residents").value(12));
  }

  @Test
  void theFiguresNameNoResident() throws Exception {
    String location = start(CAP_2).andReturn().getResponse().getHeader("Location");
    tasks.runAll();

    String body = statusAt(location).andReturn().getResponse().getContentAsString();

    assertThat(body).contains("\"DONE\"").doesNotContain("北会津町-");
  }

  @Test
  void aSecondSimulationWhileOneRunsIs503WithRetryAfterAndOneIsTakenAgainOnceItIsDone()
      throws Exception {
    start(CAP_2).andExpect(status().isAccepted());

    start(CAP_2)
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "30"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(tasks.size()).isEqualTo(1);

    tasks.runAll();
    start(CAP_2).andExpect(status().isAccepted());
  }

  @Test
  void badInputIsA400NamingEachFieldAndStartsNothing() throws Exception {
    start(CAP_2.replace("\"days\":7", "\"days\":0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("days: must be between 1 and 30"));
    start(CAP_2.replace("\"days\":7", "\"days\":31"))
        .andExpect(jsonPath("$.errors[0]").value("days: must be between 1 and 30"));
    start("{\"days\":7}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("rules: is required"));
    start(CAP_2.replace("\"dailyPushCap\":2", "\"dailyPushCap\":-1").replace(",\"days\":7", ""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("days: must be between 1 and 30"))
        .andExpect(jsonPath("$.errors[1]").value("rules.dailyPushCap: must not be negative"));

    assertThat(tasks.size()).isZero();
  }

  @Test
  void anUnknownSimulationIs404() throws Exception {
    statusAt("/api/v1/rules/simulations/no-such-id")
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void onlyAnalystsSimulate() throws Exception {
    mvc.perform(
            post("/api/v1/rules/simulations")
                .with(as("ROLE_OPERATOR", "op-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(CAP_2))
        .andExpect(status().isForbidden());

    assertThat(tasks.size()).isZero();
  }
}
