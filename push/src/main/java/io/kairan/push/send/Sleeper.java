package io.kairan.push.send;

import java.time.Duration;

/** Waiting, injected so that back-off and rate limits are tested without sleeping. */
public interface Sleeper {
  /**
   * Sleeps at least the duration; a wait shorter than a millisecond (the rate limiter's pace is 100
   * µs at 10,000 a second) sleeps about a millisecond instead of returning at once and spinning.
   */
  Sleeper REAL =
      duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

  void sleep(Duration duration) throws InterruptedException;
}
