package io.kairan.api.schedule;

import io.kairan.api.kafka.CaughtUp;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The scheduled notices not yet published nor cancelled, kept from notices.scheduled.v1 (a
 * tombstone removes one) and by the API's own writes once Kafka acknowledged them.
 */
@Component
public class ScheduleBook {
  public static final String TOPIC = "notices.scheduled.v1";
  private final ConcurrentHashMap<String, ScheduledNotice> scheduled = new ConcurrentHashMap<>();
  private final CaughtUp caughtUp = new CaughtUp();

  /** One record of the topic: the notice id as key, the schedule as JSON or null when done. */
  public void accept(String key, String json) {
    if (key == null) {
      return;
    }
    if (json == null) {
      scheduled.remove(key);
      return;
    }
    try {
      ScheduledNotice entry = Json.read(json, ScheduledNotice.class);
      if (entry != null && entry.notice() != null && key.equals(entry.id())) {
        scheduled.put(key, entry);
      }
    } catch (InvalidRecordException e) {
      // only the API writes this topic; a record it cannot read is left alone
    }
  }

  public void put(ScheduledNotice entry) {
    scheduled.put(entry.id(), entry);
  }

  public void remove(String id) {
    scheduled.remove(id);
  }

  public Optional<ScheduledNotice> get(String id) {
    return Optional.ofNullable(scheduled.get(id));
  }

  /** The publisher's scheduled notices, soonest first. */
  public List<ScheduledNotice> ofPublisher(String publisherId) {
    return scheduled.values().stream()
        .filter(s -> s.publisherId().equals(publisherId))
        .sorted(Comparator.comparing(ScheduledNotice::publishAt).thenComparing(ScheduledNotice::id))
        .toList();
  }

  /** The ones whose time has come at {@code now}, soonest first. */
  public List<ScheduledNotice> due(Instant now) {
    return scheduled.values().stream()
        .filter(s -> !s.publishAt().isAfter(now))
        .sorted(Comparator.comparing(ScheduledNotice::publishAt))
        .toList();
  }

  public void markCaughtUp() {
    caughtUp.mark();
  }

  public boolean isCaughtUp() {
    return caughtUp.is();
  }

  public boolean awaitCaughtUp(Duration wait) {
    return caughtUp.await(wait);
  }
}
