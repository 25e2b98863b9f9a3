package io.kairan.api.comparison;

import io.kairan.api.kafka.TopicReplay;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The deliveries a topic holds that were decided in a window, read straight from Kafka: each
 * partition from the first record written at or after the window's start (offsetsForTimes) to the
 * first written after its end, never past where the partition ended when the reading began. The
 * window is on the decision's time; a record's own time (when it was written) may trail it by
 * {@link #SLACK}, so the reading starts and stops that much wider and keeps only the decisions in
 * the window. The job writes deliveries in the order it decides them, so a record's time grows
 * along a partition (up to that slack): the first record written past the window ends the
 * partition.
 */
@Component
public class DeliveryWindow {
  static final Duration SLACK = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration GIVE_UP = Duration.ofMinutes(2);
  private final KafkaProperties kafka;

  DeliveryWindow(KafkaProperties kafka) {
    this.kafka = kafka;
  }

  /** More deliveries than a comparison may read. */
  public static class TooManyDeliveriesException extends RuntimeException {
    TooManyDeliveriesException(String topic, int max) {
      super(topic + " holds more than " + max + " deliveries in the window; narrow it");
    }
  }

  /** Kafka did not answer in time. */
  public static class UnavailableException extends RuntimeException {
    UnavailableException(String topic, Throwable cause) {
      super("could not read " + topic, cause);
    }
  }

  /** Hands each delivery decided in [from, to) to {@code each}; at most {@code max} of them. */
  public void read(String topic, Instant from, Instant to, int max, Consumer<Delivery> each) {
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(TopicReplay.readerConfig(kafka, "kairan-api-comparison"))) {
      read(c, topic, from, to, max, each);
    } catch (KafkaException e) {
      throw new UnavailableException(topic, e);
    }
  }

  private static void read(
      KafkaConsumer<String, String> c,
      String topic,
      Instant from,
      Instant to,
      int max,
      Consumer<Delivery> each) {
    var infos = c.partitionsFor(topic);
    if (infos == null || infos.isEmpty()) {
      return;
    }
    List<TopicPartition> partitions =
        infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    c.assign(partitions);
    Map<TopicPartition, Long> end = c.endOffsets(partitions);
    Map<TopicPartition, Long> startAt = new HashMap<>();
    partitions.forEach(p -> startAt.put(p, from.minus(SLACK).toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> start = c.offsetsForTimes(startAt);
    Set<TopicPartition> open = new HashSet<>();
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp first = start.get(p);
      if (first != null && first.offset() < end.get(p)) {
        c.seek(p, first.offset());
        open.add(p);
      }
    }
    c.pause(partitions.stream().filter(p -> !open.contains(p)).toList());
    long stopAfter = to.plus(SLACK).toEpochMilli();
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    int kept = 0;
    while (!open.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new UnavailableException(topic, null);
      }
      for (ConsumerRecord<String, String> record : c.poll(POLL)) {
        TopicPartition p = new TopicPartition(record.topic(), record.partition());
        if (!open.contains(p) || record.offset() >= end.get(p)) {
          continue;
        }
        if (record.timestamp() > stopAfter) {
          open.remove(p);
          c.pause(List.of(p));
          continue;
        }
        Delivery delivery = parse(record.value());
        if (delivery != null && inWindow(delivery.decidedAt(), from, to)) {
          if (++kept > max) {
            throw new TooManyDeliveriesException(topic, max);
          }
          each.accept(delivery);
        }
      }
      for (TopicPartition p : List.copyOf(open)) {
        if (c.position(p) >= end.get(p)) {
          open.remove(p);
        }
      }
    }
  }

  private static boolean inWindow(Instant at, Instant from, Instant to) {
    return at != null && !at.isBefore(from) && at.isBefore(to);
  }

  /** A delivery as the job wrote it; anything else (a tombstone, a stray record) is skipped. */
  private static Delivery parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      Delivery d = Json.read(json, Delivery.class);
      boolean whole =
          d != null
              && d.residentId() != null
              && d.id() != null
              && d.category() != null
              && d.severity() != null
              && d.channel() != null
              && d.pushAt() != null;
      return whole ? d : null;
    } catch (InvalidRecordException e) {
      return null;
    }
  }
}
