package io.kairan.deploy.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning with a plain consumer and no group, so looking never moves any
 * service's committed offsets.
 */
final class TopicReader {
  private TopicReader() {}

  static KafkaConsumer<String, String> consumer(String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            // A stopped stack should fail the command within seconds, not hang it.
            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000);
    return new KafkaConsumer<>(config);
  }

  /**
   * Hands each record to {@code each} from the beginning, until {@code each} answers false, or the
   * end the topic had when reading started (unless {@code follow}, which waits for more).
   */
  static void read(
      String bootstrapServers,
      String topic,
      boolean follow,
      Predicate<ConsumerRecord<String, String>> each) {
    try (var consumer = consumer(bootstrapServers)) {
      var infos = consumer.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("no topic " + topic + " on " + bootstrapServers);
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
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
    } catch (TimeoutException e) {
      throw unreachable(bootstrapServers);
    }
  }

  /** What a timeout means here, in the words of someone who just ran the command. */
  static IllegalStateException unreachable(String bootstrapServers) {
    return new IllegalStateException(
        "no answer from Kafka at " + bootstrapServers + ": is the local stack running?");
  }
}
