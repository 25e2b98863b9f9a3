package io.kairan.push.state;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest version of every notice, so that a push for a withdrawn notice is never sent. Bounded
 * by age: a notice is forgotten {@link #MARGIN} after its validity ended. The margin is the
 * ledger's retention, past which no delivery decided while the notice was valid is pushed any more.
 */
@Component
public class NoticeBook extends FollowedTopic {
  public static final Duration MARGIN = SentLedger.RETENTION;

  private final ConcurrentHashMap<String, KnownNotice> latest = new ConcurrentHashMap<>();
  private final Clock clock;

  NoticeBook(ConsumerFactory<String, String> consumers, Clock clock) {
    super(consumers, Topics.NOTICES);
    this.clock = clock;
  }

  /** A book that is not fed from Kafka (tests of the parts that use it). */
  public static NoticeBook standalone(Clock clock) {
    return new NoticeBook(null, clock);
  }

  @KafkaListener(
      id = "notice-book",
      topics = Topics.NOTICES,
      groupId = "kairan-push-notices-${random.uuid}")
  @Override
  protected void apply(ConsumerRecord<String, String> record) {
    try {
      add(Json.read(record.value(), Notice.class));
    } catch (InvalidRecordException e) {
      // the recommender dead-letters unreadable notices
    }
  }

  /** Keeps the notice if it is the latest version known and not long expired. */
  public void add(Notice notice) {
    KnownNotice known = KnownNotice.of(notice);
    if (isForgettable(known)) {
      return;
    }
    latest.merge(notice.id(), known, (a, b) -> b.version() > a.version() ? b : a);
  }

  /** The latest version known of a notice. */
  public Optional<KnownNotice> find(String noticeId) {
    return Optional.ofNullable(latest.get(noticeId));
  }

  public boolean isWithdrawn(String noticeId) {
    KnownNotice notice = latest.get(noticeId);
    return notice != null && notice.withdrawn();
  }

  /** Forgets the notices whose validity ended more than the margin ago; returns how many. */
  public int forgetExpired() {
    int before = latest.size();
    latest.values().removeIf(this::isForgettable);
    return before - latest.size();
  }

  public int size() {
    return latest.size();
  }

  private boolean isForgettable(KnownNotice notice) {
    return notice.until() != null && notice.until().plus(MARGIN).isBefore(clock.instant());
  }
}
