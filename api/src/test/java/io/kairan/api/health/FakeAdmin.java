package io.kairan.api.health;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * An admin client that answers from maps, as a broker would: topics with their partitions, each
 * partition's earliest and latest offset, one group's committed offsets.
 */
final class FakeAdmin {
  private final Map<TopicPartition, Long> earliest = new HashMap<>();
  private final Map<TopicPartition, Long> latest = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();

  /** A partition holding the records from offset {@code from} to {@code to} (exclusive). */
  FakeAdmin partition(String topic, int partition, long from, long to) {
    earliest.put(new TopicPartition(topic, partition), from);
    latest.put(new TopicPartition(topic, partition), to);
    return this;
  }

  FakeAdmin committed(String topic, int partition, long offset) {
    committed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset));
    return this;
  }

  Admin admin() {
    Admin admin = mock(Admin.class);
    when(admin.describeTopics(anyCollection())).thenAnswer(i -> describe(i.getArgument(0)));
    when(admin.listOffsets(anyMap())).thenAnswer(i -> offsets(i.getArgument(0)));
    ListConsumerGroupOffsetsResult group = mock(ListConsumerGroupOffsetsResult.class);
    when(group.partitionsToOffsetAndMetadata()).thenReturn(KafkaFuture.completedFuture(committed));
    when(admin.listConsumerGroupOffsets(anyString())).thenReturn(group);
    return admin;
  }

  /** An admin client whose every call fails, as when the broker is gone. */
  static Admin unreachable() {
    Admin admin = mock(Admin.class);
    DescribeTopicsResult result = mock(DescribeTopicsResult.class);
    var failed =
        new org.apache.kafka.common.internals.KafkaFutureImpl<Map<String, TopicDescription>>();
    failed.completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("no broker"));
    when(result.allTopicNames()).thenReturn(failed);
    when(admin.describeTopics(any(Collection.class))).thenReturn(result);
    return admin;
  }

  private DescribeTopicsResult describe(Collection<String> topics) {
    Map<String, TopicDescription> found =
        topics.stream()
            .collect(
                Collectors.toMap(
                    t -> t,
                    t ->
                        new TopicDescription(
                            t,
                            false,
                            IntStream.range(0, partitionsOf(t))
                                .mapToObj(
                                    p -> new TopicPartitionInfo(p, null, List.of(), List.of()))
                                .toList())));
    DescribeTopicsResult result = mock(DescribeTopicsResult.class);
    when(result.allTopicNames()).thenReturn(KafkaFuture.completedFuture(found));
    return result;
  }

  private int partitionsOf(String topic) {
    return (int) latest.keySet().stream().filter(p -> p.topic().equals(topic)).count();
  }

  private ListOffsetsResult offsets(Map<TopicPartition, OffsetSpec> request) {
    Map<TopicPartition, KafkaFuture<ListOffsetsResultInfo>> answers = new HashMap<>();
    request.forEach(
        (partition, spec) -> {
          long offset =
              (spec instanceof OffsetSpec.EarliestSpec ? earliest : latest).get(partition);
          answers.put(
              partition,
              KafkaFuture.completedFuture(new ListOffsetsResultInfo(offset, -1, Optional.empty())));
        });
    return new ListOffsetsResult(answers);
  }
}
