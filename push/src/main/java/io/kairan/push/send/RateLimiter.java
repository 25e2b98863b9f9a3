package io.kairan.push.send;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket under the FCM project quota: at most {@code perMinute} messages a minute, in
 * bursts of at most a second's worth. Callers wait for their tokens; nothing is dropped.
 */
public final class RateLimiter {
  private final double perNano;
  private final double capacity;
  private final Clock clock;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  public RateLimiter(long perMinute, Clock clock, Sleeper sleeper) {
    this.perNano = perMinute / 60e9;
    this.capacity = Math.max(1, perMinute / 60.0);
    this.clock = clock;
    this.sleeper = sleeper;
    this.tokens = capacity;
    this.last = nanos();
  }

  /** Takes n tokens, waiting as long as needed; returns how long it waited. */
  public synchronized Duration acquire(int n) throws InterruptedException {
    Duration waited = Duration.ZERO;
    double needed = n;
    while (true) {
      refill();
      double take = Math.min(needed, tokens);
      tokens -= take;
      needed -= take;
      if (needed <= 0) {
        return waited;
      }
      Duration wait = Duration.ofNanos((long) Math.ceil(Math.min(needed, capacity) / perNano));
      sleeper.sleep(wait);
      waited = waited.plus(wait);
    }
  }

  private void refill() {
    long now = nanos();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
  }

  private long nanos() {
    return clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
  }
}
