package io.kairan.push.state;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * State rebuilt from a whole topic before the application starts sending, then followed live: the
 * subclass's listener (in a group of its own) starts where the snapshot ended.
 */
public abstract class FollowedTopic extends AbstractConsumerSeekAware implements InitializingBean {
  private final ConsumerFactory<String, String> consumers;
  private final String topic;
  private Map<TopicPartition, Long> snapshotEnd = Map.of();

  protected FollowedTopic(ConsumerFactory<String, String> consumers, String topic) {
    this.consumers = consumers;
    this.topic = topic;
  }

  /** Applies one record, from the snapshot or live. */
  protected abstract void apply(ConsumerRecord<String, String> record);

  /**
   * Applies a record of a compacted topic: a tombstone removes its key, another value is read; a
   * record without a key is nobody's and is skipped.
   */
  protected static void applyCompacted(
      ConsumerRecord<String, String> record,
      Consumer<String> remove,
      BiConsumer<String, String> read) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      remove.accept(record.key());
    } else {
      read.accept(record.key(), record.value());
    }
  }

  @Override
  public void afterPropertiesSet() {
    snapshotEnd = TopicSnapshot.read(consumers, topic, this::apply);
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    assignments
        .keySet()
        .forEach(p -> callback.seek(p.topic(), p.partition(), snapshotEnd.getOrDefault(p, 0L)));
  }
}
