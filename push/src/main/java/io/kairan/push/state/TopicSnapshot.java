package io.kairan.push.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/** Reads a topic from the beginning to its current end, and says where the end was. */
final class TopicSnapshot {
  private TopicSnapshot() {}

  static Map<TopicPartition, Long> read(
      ConsumerFactory<String, String> factory,
      String topic,
      Consumer<ConsumerRecord<String, String>> handler) {
    try (var consumer = factory.createConsumer("kairan-push-snapshot", "snapshot")) {
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
