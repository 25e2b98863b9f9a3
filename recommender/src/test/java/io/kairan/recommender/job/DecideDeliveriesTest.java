package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.NOON_JST;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
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
    return new Match(
        resident,
        "n-1",
        version,
        Category.CHILDCARE,
        severity,
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
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

    harness.processElement2(new ProfileChange("r-1", null), 0);

    assertThat(harness.numKeyedStateEntries()).isZero();
  }
}
