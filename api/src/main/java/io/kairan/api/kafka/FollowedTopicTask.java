package io.kairan.api.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A topic read whole and followed ({@link TopicReplay}) beside a task run every second on a thread
 * of its own, for what the API keeps on its own topics and acts on later (scheduled notices come
 * due, approved notices still to publish); a bean of it starts and stops with the API. A failing
 * run is logged and tried again a second later.
 */
public final class FollowedTopicTask implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(FollowedTopicTask.class);
  private static final Duration EVERY = Duration.ofSeconds(1);
  private final TopicReplay replay;
  private final String taskName;
  private final Runnable task;
  private ScheduledExecutorService timer;

  public FollowedTopicTask(TopicReplay replay, String taskName, Runnable task) {
    this.replay = replay;
    this.taskName = taskName;
    this.task = task;
  }

  @Override
  public void start() {
    replay.start();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, taskName);
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::runOnce, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      task.run();
    } catch (RuntimeException e) {
      // Kafka unavailable: what is left to do stays and is tried again in a second.
      log.warn("{} failed, again in {}: {}", taskName, EVERY, e.toString());
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
