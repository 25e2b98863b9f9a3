package io.kairan.push;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * kafka-clients' MockConsumer over one partition of a topic holding these records (offsets 0, 1,
 * …), with the offsetsForTimes MockConsumer lacks: the first record at or after the time, as a
 * broker answers.
 */
public final class TopicConsumer extends MockConsumer<String, String> {
  private final TopicPartition partition;
  private final List<ConsumerRecord<String, String>> records;

  /** {@code records}: key, value and record time (ms) of each, in offset order. */
  public TopicConsumer(String topic, List<ConsumerRecord<String, String>> records) {
    super("earliest");
    this.partition = new TopicPartition(topic, 0);
    this.records = List.copyOf(records);
    updatePartitions(topic, List.of(new PartitionInfo(topic, 0, null, null, null)));
    updateBeginningOffsets(Map.of(partition, 0L));
    updateEndOffsets(Map.of(partition, (long) records.size()));
    // Records can only be added once the partition is assigned: at the first poll.
    schedulePollTask(
        () -> {
          for (int i = 0; i < this.records.size(); i++) {
            ConsumerRecord<String, String> r = this.records.get(i);
            addRecord(
                new ConsumerRecord<>(
                    topic,
                    0,
                    i,
                    r.timestamp(),
                    org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                    0,
                    0,
                    r.key(),
                    r.value(),
                    new org.apache.kafka.common.header.internals.RecordHeaders(),
                    java.util.Optional.empty()));
          }
        });
  }

  @Override
  public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
      Map<TopicPartition, Long> times) {
    Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
    times.forEach(
        (p, time) -> {
          for (int i = 0; i < records.size(); i++) {
            if (records.get(i).timestamp() >= time) {
              found.put(p, new OffsetAndTimestamp(i, records.get(i).timestamp()));
              return;
            }
          }
          found.put(p, null);
        });
    return found;
  }

  @Override
  public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
      Map<TopicPartition, Long> times, Duration timeout) {
    return offsetsForTimes(times);
  }
}
