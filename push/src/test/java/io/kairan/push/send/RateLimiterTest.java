package io.kairan.push.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.push.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));

  @Test
  void aBurstWithinTheBucketDoesNotWait() throws Exception {
    var limiter = new RateLimiter(600_000, clock, clock);

    assertThat(limiter.acquire(500)).isZero();
  }

  @Test
  void moreThanTheRateWaitsForTheTokens() throws Exception {
    var limiter = new RateLimiter(120, clock, clock); // 2 a second

    limiter.acquire(2);
    Duration waited = limiter.acquire(4);

    assertThat(waited).isEqualTo(Duration.ofSeconds(2));
  }
}
