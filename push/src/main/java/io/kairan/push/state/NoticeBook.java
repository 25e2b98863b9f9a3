package io.kairan.push.state;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/** The latest version of every notice, so that a push for a withdrawn notice is never sent. */
@Component
public class NoticeBook extends AbstractConsumerSeekAware implements InitializingBean {
  private final Map<String, Notice> latest = new ConcurrentHashMap<>();
  private final ConsumerFactory<String, String> consumers;
  private Map<TopicPartition, Long> snapshotEnd = Map.of();

  NoticeBook(ConsumerFactory<String, String> consumers) {
    this.consumers = consumers;
  }

  @Override
  public void afterPropertiesSet() {
    snapshotEnd = TopicSnapshot.read(consumers, Topics.NOTICES, this::apply);
  }

  @KafkaListener(
      id = "notice-book",
      topics = Topics.NOTICES,
      groupId = "kairan-push-notices-${random.uuid}")
  void apply(ConsumerRecord<String, String> record) {
    try {
      Notice notice = Json.read(record.value(), Notice.class);
      latest.merge(notice.id(), notice, (a, b) -> b.version() > a.version() ? b : a);
    } catch (InvalidRecordException e) {
      // the recommender dead-letters unreadable notices
    }
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    assignments
        .keySet()
        .forEach(p -> callback.seek(p.topic(), p.partition(), snapshotEnd.getOrDefault(p, 0L)));
  }

  /** The latest version known of a notice. */
  public java.util.Optional<Notice> find(String noticeId) {
    return java.util.Optional.ofNullable(latest.get(noticeId));
  }

  public boolean isWithdrawn(String noticeId) {
    Notice notice = latest.get(noticeId);
    return notice != null && notice.isWithdrawn();
  }
}
