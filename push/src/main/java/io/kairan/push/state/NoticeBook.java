package io.kairan.push.state;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/** The latest version of every notice, so that a push for a withdrawn notice is never sent. */
@Component
public class NoticeBook extends FollowedTopic {
  private final Map<String, Notice> latest = new ConcurrentHashMap<>();

  NoticeBook(ConsumerFactory<String, String> consumers) {
    super(consumers, Topics.NOTICES);
  }

  @KafkaListener(
      id = "notice-book",
      topics = Topics.NOTICES,
      groupId = "kairan-push-notices-${random.uuid}")
  @Override
  protected void apply(ConsumerRecord<String, String> record) {
    try {
      Notice notice = Json.read(record.value(), Notice.class);
      latest.merge(notice.id(), notice, (a, b) -> b.version() > a.version() ? b : a);
    } catch (InvalidRecordException e) {
      // the recommender dead-letters unreadable notices
    }
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
