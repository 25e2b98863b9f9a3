package io.kairan.push.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Severity;
import io.kairan.push.Fixtures;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SortedTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private static ConsumerRecord<String, String> record(String key, String value) {
    return new ConsumerRecord<>(Topics.DELIVERIES, 0, 0, key, value);
  }

  private static ConsumerRecord<String, String> record(Delivery delivery) {
    return record(delivery.residentId(), Json.write(delivery));
  }

  private static Delivery on(Channel channel, String resident, Instant pushAt) {
    return Fixtures.delivery("n-1", 1, resident, Severity.INFO, channel, pushAt, NOW);
  }

  @Test
  void pushNowAndDuePushAtGoOutNowAndAFuturePushAtWaits() {
    Delivery now = on(Channel.PUSH_NOW, "r-1", NOW);
    Delivery dueExactly = on(Channel.PUSH_AT, "r-2", NOW);
    Delivery tomorrowMorning = on(Channel.PUSH_AT, "r-3", NOW.plusSeconds(8 * 3600));

    Sorted sorted =
        Sorted.of(List.of(record(now), record(dueExactly), record(tomorrowMorning)), NOW);

    assertThat(sorted.now()).containsExactly(now, dueExactly);
    assertThat(sorted.later()).containsExactly(tomorrowMorning);
    assertThat(sorted.unreadable()).isEmpty();
  }

  @Test
  void feedOnlyDeliveriesNeedNoPush() {
    Sorted sorted = Sorted.of(List.of(record(on(Channel.FEED_ONLY, "r-1", NOW))), NOW);

    assertThat(sorted).isEqualTo(new Sorted(List.of(), List.of(), List.of()));
  }

  @Test
  void digestDeliveriesAlwaysWaitForTheSchedulerEvenWhenTheirTimeHasCome() {
    Delivery due = on(Channel.DIGEST, "r-1", NOW);
    Delivery tonight = on(Channel.DIGEST, "r-2", NOW.plusSeconds(9 * 3600));

    Sorted sorted = Sorted.of(List.of(record(due), record(tonight)), NOW);

    assertThat(sorted).isEqualTo(new Sorted(List.of(), List.of(due, tonight), List.of()));
  }

  @Test
  void anUnreadableRecordIsKeptAsReceivedWithTheReasonAndTheOthersStillGo() {
    Delivery good = on(Channel.PUSH_NOW, "r-1", NOW);

    Sorted sorted =
        Sorted.of(List.of(record("r-9", "{not json"), record(good), record("r-8", null)), NOW);

    assertThat(sorted.now()).containsExactly(good);
    assertThat(sorted.unreadable())
        .extracting(Sorted.Unreadable::key, Sorted.Unreadable::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r-9", "{not json"),
            org.assertj.core.groups.Tuple.tuple("r-8", null));
    assertThat(sorted.unreadable().get(0).reason()).startsWith("body: not a valid Delivery");
    assertThat(sorted.unreadable().get(1).reason()).isEqualTo("body: is empty");
  }

  @Test
  void aDeliveryWithoutChannelIsUnreadable() {
    String noChannel = Json.write(on(Channel.PUSH_NOW, "r-1", NOW)).replace("\"PUSH_NOW\"", "null");

    Sorted sorted = Sorted.of(List.of(record("r-1", noChannel)), NOW);

    assertThat(sorted.unreadable())
        .singleElement()
        .satisfies(u -> assertThat(u.reason()).isEqualTo("a delivery needs id, resident, channel"));
  }
}
