package io.kairan.deploy.stack;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls until something holds, or fails with what was last seen. */
public final class Waits {
  private Waits() {}

  /** The first value {@code find} gives that is not null. */
  public static <T> T value(String what, Duration timeout, Callable<T> find)
      throws InterruptedException {
    var found = new java.util.concurrent.atomic.AtomicReference<T>();
    until(
        what,
        timeout,
        () -> {
          found.set(find.call());
          return found.get() != null;
        });
    return found.get();
  }

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
