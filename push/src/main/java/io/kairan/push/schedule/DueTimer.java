package io.kairan.push.schedule;

import io.kairan.model.delivery.Delivery;
import io.kairan.push.dispatch.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Every second, hands the deliveries that became due to the dispatcher; a failed attempt (Kafka did
 * not take the results) is held again and tried {@link #RETRY_AFTER} later.
 */
final class DueTimer implements DisposableBean {
  static final Duration RETRY_AFTER = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(DueTimer.class);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "push-at"));

  DueTimer(PushScheduler scheduler, Dispatcher dispatcher) {
    timer.scheduleWithFixedDelay(
        () -> {
          List<Delivery> due = scheduler.takeDue();
          if (due.isEmpty()) {
            return;
          }
          try {
            dispatcher.push(due);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            log.error("{} scheduled pushes failed, trying again in {}", due.size(), RETRY_AFTER, e);
            due.forEach(d -> scheduler.retryLater(d, RETRY_AFTER));
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
