package io.kairan.api.schedule;

import io.kairan.api.kafka.TopicBook;
import io.kairan.model.Topics;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The scheduled notices not yet published nor cancelled, kept from notices.scheduled.v1 (a
 * tombstone removes one) and by the API's own writes once Kafka acknowledged them.
 */
@Component
public class ScheduleBook extends TopicBook<ScheduledNotice> {
  public static final String TOPIC = Topics.SCHEDULED;

  public ScheduleBook() {
    super(ScheduledNotice.class);
  }

  @Override
  protected String idOf(ScheduledNotice entry) {
    return entry.id();
  }

  @Override
  protected boolean isWhole(ScheduledNotice entry) {
    return entry.notice() != null;
  }

  /** The publisher's scheduled notices, soonest first. */
  public List<ScheduledNotice> ofPublisher(String publisherId) {
    return all()
        .filter(s -> s.publisherId().equals(publisherId))
        .sorted(Comparator.comparing(ScheduledNotice::publishAt).thenComparing(ScheduledNotice::id))
        .toList();
  }

  /** The ones whose time has come at {@code now}, soonest first. */
  public List<ScheduledNotice> due(Instant now) {
    return all()
        .filter(s -> !s.publishAt().isAfter(now))
        .sorted(Comparator.comparing(ScheduledNotice::publishAt))
        .toList();
  }
}
