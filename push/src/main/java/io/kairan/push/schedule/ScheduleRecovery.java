package io.kairan.push.schedule;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * PUSH_AT and DIGEST deliveries whose offsets were committed before a restart live only in Kafka:
 * the last {@link #HORIZON} of deliveries.v1 is re-read at start and they are held again (the
 * ledger skips the pushes and the day's digests already sent).
 */
public final class ScheduleRecovery {
  /**
   * PUSH_AT deliveries are at most a night away, DIGEST deliveries at most a day (the next digest
   * time); this much of deliveries.v1 is re-read.
   */
  static final Duration HORIZON = Duration.ofHours(26);

  private ScheduleRecovery() {}

  /** Reads deliveries.v1 from {@link #HORIZON} before now to its end; returns how many it held. */
  public static int recover(
      Consumer<String, String> consumer, Clock clock, PushScheduler scheduler) {
    Instant since = clock.instant().minus(HORIZON);
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.DELIVERIES, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(Topics.DELIVERIES, p.partition()))
            .toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, since.toEpochMilli()));
    consumer
        .offsetsForTimes(query)
        .forEach((p, found) -> consumer.seek(p, found == null ? end.get(p) : found.offset()));
    int held = 0;
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        // offsetsForTimes finds the first record at or after the time; a later record may still
        // carry an older time (a producer's own timestamp), and is left out.
        if (record.timestamp() >= since.toEpochMilli()
            && isScheduled(record)
            && scheduler.hold(Json.read(record.value(), Delivery.class))) {
          held++;
        }
      }
    }
    return held;
  }

  private static boolean isScheduled(ConsumerRecord<String, String> record) {
    try {
      if (record.value() == null) {
        return false;
      }
      Delivery delivery = Json.read(record.value(), Delivery.class);
      return delivery.channel() == Channel.PUSH_AT
          || (delivery.channel() == Channel.DIGEST && delivery.pushAt() != null);
    } catch (InvalidRecordException e) {
      return false; // the intake dead-lettered it when it first came
    }
  }
}
