package io.kairan.deploy.stack;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls until something holds, or fails with what was last seen. */
public final class Waits {
  private Waits() {}

  public static void until(String what, Duration timeout, Callable<Boolean> check)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (check.call()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "timed out after " + timeout + " waiting for " + what + (last == null ? "" : ": " + last),
        last);
  }
}
