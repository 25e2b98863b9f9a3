package io.kairan.push.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads a topic from the beginning to its current end, and says where the end was, so that a
 * component knows the whole topic before the sender starts and then follows it from there.
 */
final class TopicSnapshot {
  private TopicSnapshot() {}

  static Map<TopicPartition, Long> read(
      ConsumerFactory<String, String> factory,
      String topic,
      Consumer<ConsumerRecord<String, String>> handler) {
    java.util.Properties readOnly = new java.util.Properties();
    // A snapshot is read from the start each time: nothing to commit.
    readOnly.put(
        org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (var consumer =
        factory.createConsumer("kairan-push-snapshot", "snapshot", null, readOnly)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(handler);
      }
      return end;
    }
  }
}
