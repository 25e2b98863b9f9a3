package io.kairan.api.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The comparison over HTTP: the delivery topics are a stand-in that hands out the deliveries a test
 * gives it (as Kafka would for the window); the figures, withholding and checks are real and each
 * expected figure is worked out by hand.
 */
@WebMvcTest(
    controllers = ComparisonController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, ShadowComparison.class})
@EnableConfigurationProperties(FiguresSettings.class)
class ComparisonControllerTest {
  static final String WINDOW = "?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
  static final Instant DECIDED = Instant.parse("2026-11-20T01:00:00Z"); // 10:00 in Tokyo

  @Autowired MockMvc mvc;
  @MockitoBean DeliveryWindow deliveries;

  private static Delivery delivery(int resident, Channel channel, String ruleSet) {
    String residentId = "r-" + resident;
    Instant pushAt = channel == Channel.DIGEST ? Instant.parse("2026-11-20T09:00:00Z") : DECIDED;
    return new Delivery(
        DeliveryId.of("n-1", 1, residentId),
        residentId,
        "n-1",
        1,
        Category.HEALTH,
        Severity.IMPORTANT,
        Map.of("ja", "お知らせ"),
        0.5,
        List.of(),
        ruleSet,
        channel,
        pushAt,
        DECIDED);
  }

  /** The topic hands these deliveries to whoever reads it. */
  @SuppressWarnings("unchecked")
  private void onTopic(String topic, List<Delivery> held) {
    doAnswer(
            call -> {
              held.forEach(((Consumer<Delivery>) call.getArgument(4))::accept);
              return null;
            })
        .when(deliveries)
        .read(eq(topic), any(), any(), anyInt(), any());
  }

  private ResultActions compare(String query) throws Exception {
    return mvc.perform(
        get("/api/v1/rules/comparison" + query)
            .with(
                jwt()
                    .jwt(j -> j.subject("ana-1"))
                    .authorities(new SimpleGrantedAuthority("ROLE_ANALYST"))));
  }

  @Test
  void theShadowSetBesideTheActiveOneWithSmallCountsWithheldAndNoResidentNamed() throws Exception {
    List<Delivery> active = new ArrayList<>();
    List<Delivery> shadow = new ArrayList<>();
    for (int r = 0; r < 12; r++) {
      active.add(delivery(r, Channel.PUSH_NOW, "builtin/1"));
      shadow.add(delivery(r, r < 10 ? Channel.DIGEST : Channel.PUSH_NOW, "calm/2"));
    }
    active.add(delivery(0, Channel.PUSH_NOW, "builtin/1")); // written twice: counted once
    onTopic(Topics.DELIVERIES, active);
    onTopic(Topics.SHADOW_DELIVERIES, shadow);

    String body =
        compare(WINDOW)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.zone").value("Asia/Tokyo"))
            .andExpect(jsonPath("$.active.ruleSets[0]").value("builtin/1"))
            .andExpect(jsonPath("$.active.deliveries").value(12))
            .andExpect(jsonPath("$.active.pushesPerResidentPerDay.residentDays").value(12))
            .andExpect(jsonPath("$.active.pushesPerResidentPerDay.p50").value(1))
            .andExpect(jsonPath("$.active.byCategoryAndChannel[0].deliveries").value(12))
            .andExpect(jsonPath("$.active.importantCoverage.share").value(1.0))
            .andExpect(jsonPath("$.shadow.ruleSets[0]").value("calm/2"))
            // Ten of twelve resident-days without a push: p50 is the 6th (0), p95 the 12th (1).
            .andExpect(jsonPath("$.shadow.pushesPerResidentPerDay.p50").value(0))
            .andExpect(jsonPath("$.shadow.pushesPerResidentPerDay.p95").value(1))
            // Two pushes are too few to show, and the ten digests would give them away.
            .andExpect(jsonPath("$.shadow.byCategoryAndChannel[0].withheld").value(true))
            .andExpect(jsonPath("$.shadow.byCategoryAndChannel[1].withheld").value(true))
            .andExpect(jsonPath("$.shadow.importantCoverage.share").value(1.0))
            .andExpect(jsonPath("$.channelChanged.residents").value(10))
            .andExpect(jsonPath("$.channelChanged.compared").value(12))
            .andExpect(jsonPath("$.channelChanged.deliveries[0].from").value("PUSH_NOW"))
            .andExpect(jsonPath("$.channelChanged.deliveries[0].to").value("DIGEST"))
            .andExpect(jsonPath("$.channelChanged.deliveries[0].deliveries").value(10))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain("r-");
  }

  @Test
  void aMissingOrUnreadableBoundIsA400NamingEach() throws Exception {
    compare("?to=2026-11-21T00:00:00Z")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[0]")
                .value("from: is required, an instant like 2026-11-01T00:00:00Z"));
    compare("?from=yesterday&to=2026-11-21")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0]").value("from: must be an instant like 2026-11-01T00:00:00Z"))
        .andExpect(
            jsonPath("$.errors[1]").value("to: must be an instant like 2026-11-01T00:00:00Z"));

    verifyNoInteractions(deliveries);
  }

  @Test
  void aWindowEndingBeforeItStartsOrLongerThan31DaysIsA400() throws Exception {
    compare("?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("to: must be after from"));
    compare("?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:01Z")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("to: the window must be at most 31 days"));

    verifyNoInteractions(deliveries);
  }

  @Test
  void moreDeliveriesThanAComparisonReadsIs422AndKafkaDownIs503WithRetryAfter() throws Exception {
    doThrow(new DeliveryWindow.TooManyDeliveriesException(Topics.DELIVERIES, 5_000_000))
        .when(deliveries)
        .read(eq(Topics.DELIVERIES), any(), any(), anyInt(), any());
    compare(WINDOW)
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "deliveries.v1 holds more than 5000000 deliveries in the window; narrow it"));

    doThrow(new DeliveryWindow.UnavailableException(Topics.DELIVERIES, null))
        .when(deliveries)
        .read(eq(Topics.DELIVERIES), any(), any(), anyInt(), any());
    compare(WINDOW)
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"));
  }

  @Test
  void aThirdComparisonWhileTwoReadIs503WithRetryAfterAndOneIsTakenAgainOnceTheyAreDone()
      throws Exception {
    CountDownLatch reading = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(
            call -> {
              reading.countDown();
              release.await();
              return null;
            })
        .when(deliveries)
        .read(eq(Topics.DELIVERIES), any(), any(), anyInt(), any());
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> first = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        first.add(two.submit(() -> compare(WINDOW).andReturn().getResponse().getStatus()));
      }
      assertThat(reading.await(30, TimeUnit.SECONDS)).as("both are reading").isTrue();

      compare(WINDOW)
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "10"))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

      release.countDown();
      for (Future<Integer> f : first) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
      compare(WINDOW).andExpect(status().isOk());
    } finally {
      release.countDown();
      two.shutdownNow();
    }
  }

  @Test
  void onlyAnalystsCompare() throws Exception {
    mvc.perform(
            get("/api/v1/rules/comparison" + WINDOW)
                .with(
                    jwt()
                        .jwt(j -> j.subject("r-1"))
                        .authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"))))
        .andExpect(status().isForbidden());

    verifyNoInteractions(deliveries);
  }
}
