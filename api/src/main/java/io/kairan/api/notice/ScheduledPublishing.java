package io.kairan.api.notice;

import io.kairan.api.kafka.TopicReplay;
import io.kairan.api.schedule.ScheduleBook;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads notices.scheduled.v1 into the {@link ScheduleBook} and, every second, publishes what is
 * due: a notice due while the API was down goes out as soon as it runs again.
 */
@Component
class ScheduledPublishing implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);
  private static final Duration EVERY = Duration.ofSeconds(1);
  private final NoticeSchedule schedule;
  private final TopicReplay replay;
  private ScheduledExecutorService timer;

  ScheduledPublishing(NoticeSchedule schedule, ScheduleBook book, KafkaProperties kafka) {
    this.schedule = schedule;
    this.replay =
        new TopicReplay(
            ScheduleBook.TOPIC,
            "kairan-api-schedule",
            kafka,
            TopicReplay.Reader.of(r -> book.accept(r.key(), r.value()), book::markCaughtUp));
  }

  @Override
  public void start() {
    replay.start();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "scheduled-notices");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::publishDue, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void publishDue() {
    try {
      schedule.publishDue();
    } catch (RuntimeException e) {
      // Kafka unavailable: what is due stays in the book and is tried again in a second.
      log.warn("publishing scheduled notices failed, again in {}: {}", EVERY, e.toString());
    }
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
    replay.stop();
  }

  @Override
  public boolean isRunning() {
    return replay.isRunning();
  }
}
