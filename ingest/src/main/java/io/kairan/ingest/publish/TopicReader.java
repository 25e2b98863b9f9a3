package io.kairan.ingest.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning with a plain consumer and no group, so reading never moves any
 * service's committed offsets. The importer and the local stack's look-around commands share it.
 */
public final class TopicReader {
  private TopicReader() {}

  /** A consumer without a group that reads string keys and values. */
  public static KafkaConsumer<String, String> consumer(String bootstrapServers) {
    Map<String, Object> config = KafkaClients.settings(bootstrapServers);
    config.putAll(
        Map.of(
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            // Read-only and from the start each time: no group, no committed offsets.
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5_000,
            // A stopped broker should fail a command within seconds, not hang it.
            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000));
    return new KafkaConsumer<>(config);
  }

  /** Every record with a key and a value, from the beginning to the topic's current end. */
  static void readAll(String bootstrapServers, String topic, BiConsumer<String, String> record) {
    try (var consumer = consumer(bootstrapServers)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      read(
          consumer,
          partitions,
          false,
          r -> {
            if (r.key() != null && r.value() != null) {
              record.accept(r.key(), r.value());
            }
            return true;
          });
    }
  }

  /**
   * Hands each record of the partitions to {@code each} from the beginning, until {@code each}
   * answers false, or the end the partitions had when reading started (unless {@code follow}, which
   * waits for more).
   */
  public static void read(
      KafkaConsumer<String, String> consumer,
      List<TopicPartition> partitions,
      boolean follow,
      Predicate<ConsumerRecord<String, String>> each) {
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    while (follow || partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        if (!each.test(record)) {
          return;
        }
      }
    }
  }
}
