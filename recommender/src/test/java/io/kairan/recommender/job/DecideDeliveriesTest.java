package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.NOON_JST;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.recommender.decide.DeliveryPolicy;
import io.kairan.recommender.match.Match;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecideDeliveriesTest {
  private KeyedTwoInputStreamOperatorTestHarness<String, Match, ProfileChange, Delivery> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new DecideDeliveries(Clock.fixed(NOON_JST, ZoneOffset.UTC)),
            Match::residentId,
            ProfileChange::residentId,
            Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static Match match(String resident, int version, Severity severity) {
    return match(resident, "n-1", version, severity, PublisherKind.DEPARTMENT);
  }

  private static Match match(
      String resident, String notice, int version, Severity severity, PublisherKind kind) {
    return new Match(
        resident,
        notice,
        version,
        Category.CHILDCARE,
        severity,
        kind,
        Map.of("ja", "t"),
        List.of("you live in 湊町"),
        0.8,
        false,
        null,
        "Asia/Tokyo",
        "builtin-1",
        NOON_JST);
  }

  @Test
  void aMatchBecomesADeliveryWithADerivedIdAndItsReasons() throws Exception {
    harness.processElement1(match("r-1", 1, Severity.IMPORTANT), 0);

    Delivery delivery = harness.extractOutputValues().get(0);
    assertThat(delivery.id()).isEqualTo(DeliveryId.of("n-1", 1, "r-1"));
    assertThat(delivery.channel()).isEqualTo(Channel.PUSH_NOW);
    assertThat(delivery.reasons()).containsExactly("you live in 湊町");
    assertThat(delivery.ruleVersion()).isEqualTo("builtin-1");
  }

  @Test
  void theSameVersionIsDeliveredOnceEvenWhenMatchedAgain() throws Exception {
    harness.processElement1(match("r-1", 1, Severity.IMPORTANT), 0);
    harness.processElement1(match("r-1", 1, Severity.IMPORTANT), 0);

    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void aNewerVersionIsDeliveredAndAnOlderOneIsNot() throws Exception {
    harness.processElement1(match("r-1", 2, Severity.IMPORTANT), 0);
    harness.processElement1(match("r-1", 1, Severity.IMPORTANT), 0);
    harness.processElement1(match("r-1", 3, Severity.IMPORTANT), 0);

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::noticeVersion)
        .containsExactly(2, 3);
  }

  @Test
  void aDeletedResidentLeavesNoState() throws Exception {
    harness.processElement1(match("r-1", 1, Severity.IMPORTANT), 0);
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processElement2(new ProfileChange("r-1", null), 0);

    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void pushesBeyondTheDailyCapGoToTheFeedButEmergenciesStillPush() throws Exception {
    for (int i = 0; i < DeliveryPolicy.DAILY_PUSH_CAP + 1; i++) {
      harness.processElement1(
          match("r-1", "n-" + i, 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT), 0);
    }
    harness.processElement1(
        match("r-1", "n-flood", 1, Severity.EMERGENCY, PublisherKind.DEPARTMENT), 0);

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::channel)
        .containsExactly(
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.FEED_ONLY,
            Channel.PUSH_NOW);
  }

  @Test
  void firmsGetOnePushADayPerResident() throws Exception {
    harness.processElement1(match("r-1", "sale-1", 1, Severity.IMPORTANT, PublisherKind.FIRM), 0);
    harness.processElement1(match("r-1", "sale-2", 1, Severity.IMPORTANT, PublisherKind.FIRM), 0);
    harness.processElement1(
        match("r-1", "city-1", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT), 0);

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::channel)
        .containsExactly(Channel.PUSH_NOW, Channel.FEED_ONLY, Channel.PUSH_NOW);
  }

  @Test
  void theCapIsPerResidentAndPerDay() throws Exception {
    for (int i = 0; i < DeliveryPolicy.DAILY_PUSH_CAP; i++) {
      harness.processElement1(
          match("r-1", "n-" + i, 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT), 0);
    }
    harness.processElement1(
        match("r-2", "n-0", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT), 0);

    assertThat(harness.extractOutputValues().get(DeliveryPolicy.DAILY_PUSH_CAP).channel())
        .as("another resident")
        .isEqualTo(Channel.PUSH_NOW);
    assertThat(
            DeliveryPolicy.decide(
                    match("r-1", "n-9", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT),
                    NOON_JST,
                    io.kairan.recommender.decide.PushDay.empty("2026-11-23"))
                .channel())
        .as("a new day starts from zero")
        .isEqualTo(Channel.PUSH_NOW);
  }
}
