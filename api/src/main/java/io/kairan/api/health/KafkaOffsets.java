package io.kairan.api.health;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets read with the Kafka admin client within one time budget for all its calls, so that a
 * broker that does not answer costs a health check or a refresh seconds, not minutes. Made afresh
 * for each such check.
 */
class KafkaOffsets {
  private final Admin admin;
  private final long deadline;

  KafkaOffsets(Admin admin, Duration budget) {
    this.admin = admin;
    this.deadline = System.nanoTime() + budget.toNanos();
  }

  List<TopicPartition> partitions(Collection<String> topics) throws KafkaUnavailableException {
    return await(admin.describeTopics(topics).allTopicNames()).values().stream()
        .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
        .toList();
  }

  Map<TopicPartition, Long> latest(Collection<TopicPartition> partitions)
      throws KafkaUnavailableException {
    return offsets(partitions, OffsetSpec.latest());
  }

  Map<TopicPartition, Long> earliest(Collection<TopicPartition> partitions)
      throws KafkaUnavailableException {
    return offsets(partitions, OffsetSpec.earliest());
  }

  /** The group's committed offsets; a partition it never committed is absent. */
  Map<TopicPartition, Long> committed(String groupId) throws KafkaUnavailableException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    return committed.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** Per topic, the sum over its partitions. */
  static Map<String, Long> perTopic(Map<TopicPartition, Long> perPartition) {
    return perPartition.entrySet().stream()
        .collect(
            Collectors.groupingBy(
                e -> e.getKey().topic(),
                TreeMap::new,
                Collectors.summingLong(Map.Entry::getValue)));
  }

  private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
      throws KafkaUnavailableException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    var request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
    Map<TopicPartition, ListOffsetsResultInfo> found = await(admin.listOffsets(request).all());
    return found.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private <T> T await(KafkaFuture<T> future) throws KafkaUnavailableException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException(e);
    } catch (ExecutionException e) {
      throw new KafkaUnavailableException(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new KafkaUnavailableException(e);
    }
  }

  /** Kafka did not answer in time, or refused: what was asked is not known now. */
  static class KafkaUnavailableException extends Exception {
    KafkaUnavailableException(Throwable cause) {
      super(cause == null ? "Kafka did not answer" : cause.toString(), cause);
    }
  }
}
