package io.kairan.api.health;

import io.kairan.api.health.KafkaOffsets.KafkaUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/** How many records of each input topic a consumer group has yet to read. */
class ConsumerLag {
  private final Admin admin;
  private final Duration budget;

  ConsumerLag(Admin admin, Duration budget) {
    this.admin = admin;
    this.budget = budget;
  }

  /** Records behind, per topic; a topic the group never committed counts from its beginning. */
  Map<String, Long> perTopic(String groupId, List<String> topics) throws KafkaUnavailableException {
    KafkaOffsets offsets = new KafkaOffsets(admin, budget);
    List<TopicPartition> partitions = offsets.partitions(topics);
    Map<TopicPartition, Long> end = offsets.latest(partitions);
    Map<TopicPartition, Long> committed = offsets.committed(groupId);
    List<TopicPartition> neverCommitted =
        partitions.stream().filter(p -> !committed.containsKey(p)).toList();
    return lag(end, committed, offsets.earliest(neverCommitted));
  }

  /** Per topic, the sum over its partitions of the end offset less where the group stands. */
  static Map<String, Long> lag(
      Map<TopicPartition, Long> end,
      Map<TopicPartition, Long> committed,
      Map<TopicPartition, Long> start) {
    Map<TopicPartition, Long> behind = new HashMap<>();
    end.forEach(
        (partition, last) -> {
          long position = committed.getOrDefault(partition, start.getOrDefault(partition, 0L));
          behind.put(partition, Math.max(0, last - position));
        });
    return KafkaOffsets.perTopic(behind);
  }
}
