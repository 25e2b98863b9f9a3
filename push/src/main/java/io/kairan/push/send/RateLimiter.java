package io.kairan.push.send;

import java.time.Clock;
import java.time.Duration;

/**
 * Under the FCM project quota of {@code perMinute} messages: messages go out evenly at the quota's
 * pace, a caller that fell behind (or was idle) may catch up by at most a twentieth of a second's
 * worth at once, and no one-second window ever holds more than a second's worth ({@code perMinute /
 * 60}), catching up included. Callers wait for their turn; nothing is dropped.
 *
 * <p>The pace is a virtual schedule (the generic cell rate algorithm) in whole nanoseconds, the
 * window a ring of the last second's worth of grant times.
 */
public final class RateLimiter {
  private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

  private final long interval;
  private final long tolerance;
  private final long[] granted;
  private final Clock clock;
  private final Sleeper sleeper;

  /** When the next message is due at the pace; a message may go up to {@link #tolerance} sooner. */
  private long due;

  private long grants;

  public RateLimiter(long perMinute, Clock clock, Sleeper sleeper) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1, was " + perMinute);
    }
    // Rounded up, so the pace never exceeds the quota.
    this.interval = Math.floorDiv(60 * WINDOW_NANOS + perMinute - 1, perMinute);
    int perSecond = (int) Math.max(1, perMinute / 60);
    this.tolerance = (Math.max(1, perSecond / 20) - 1) * interval;
    this.granted = new long[perSecond];
    this.clock = clock;
    this.sleeper = sleeper;
    this.due = nanos();
  }

  /** Takes n turns, waiting as long as needed; returns how long it slept. */
  public synchronized Duration acquire(int n) throws InterruptedException {
    long slept = 0;
    for (int i = 0; i < n; i++) {
      while (true) {
        long now = nanos();
        long byPace = due - tolerance;
        // The grant a second's worth ago must have left the window.
        long byWindow =
            grants < granted.length
                ? Long.MIN_VALUE
                : granted[(int) (grants % granted.length)] + WINDOW_NANOS;
        long wait = Math.max(byPace, byWindow) - now;
        if (wait <= 0) {
          granted[(int) (grants % granted.length)] = now;
          grants++;
          due = Math.max(due, now) + interval;
          break;
        }
        sleeper.sleep(Duration.ofNanos(wait));
        slept += wait;
      }
    }
    return Duration.ofNanos(slept);
  }

  private long nanos() {
    var now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
