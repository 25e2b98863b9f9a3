package io.kairan.api.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Whether a topic has been read up to where it ended when the API started: once, for good. */
public final class CaughtUp {
  private final CountDownLatch latch = new CountDownLatch(1);

  public void mark() {
    latch.countDown();
  }

  public boolean is() {
    return latch.getCount() == 0;
  }

  /** Waits for it; false when it has still not happened after {@code wait}. */
  public boolean await(Duration wait) {
    try {
      return latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
