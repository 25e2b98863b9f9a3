package io.kairan.ingest.publish;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The latest version of each notice on notices.v1 whose id the filter accepts, read to the end. */
public final class KnownNotices {
  private KnownNotices() {}

  public static Map<String, Notice> read(String bootstrapServers, Predicate<String> ids) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            // Read-only and from the start each time: no group, no committed offsets.
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5_000);
    Map<String, Notice> latest = new HashMap<>();
    try (var consumer = new KafkaConsumer<String, String>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.NOTICES, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key() == null || record.value() == null || !ids.test(record.key())) {
            continue;
          }
          try {
            Notice notice = Json.read(record.value(), Notice.class);
            latest.merge(notice.id(), notice, (a, b) -> b.version() > a.version() ? b : a);
          } catch (InvalidRecordException e) {
            // not ours to judge here; the recommender dead-letters it
          }
        }
      }
    }
    return latest;
  }
}
