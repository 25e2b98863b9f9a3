package io.kairan.deploy.demo;

import io.kairan.ingest.publish.TopicReader;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The local stack's topics for the look-around commands: a missing topic or a stopped broker is
 * said in the words of someone who just ran the command.
 */
final class LocalTopics {
  private LocalTopics() {}

  /**
   * Hands each record to {@code each} from the beginning, until {@code each} answers false, or the
   * end the topic had when reading started (unless {@code follow}, which waits for more).
   */
  static void read(
      String bootstrapServers,
      String topic,
      boolean follow,
      Predicate<ConsumerRecord<String, String>> each) {
    try (var consumer = TopicReader.consumer(bootstrapServers)) {
      var infos = consumer.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("no topic " + topic + " on " + bootstrapServers);
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      TopicReader.read(consumer, partitions, follow, each);
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
