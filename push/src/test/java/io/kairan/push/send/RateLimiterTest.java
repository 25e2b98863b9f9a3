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
  void afterTheBurstEachMessageWaitsOnePaceInterval() throws Exception {
    var limiter = new RateLimiter(600_000, clock, clock); // 10,000 a second: one per 100 µs

    limiter.acquire(500);

    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofNanos(100_000));
    assertThat(limiter.acquire(2)).isEqualTo(Duration.ofNanos(200_000));
  }

  @Test
  void noOneSecondWindowHoldsMoreThanASecondsWorthEvenWhenThePaceWouldCatchUp() throws Exception {
    // 40 a second: one per 25 ms, two at once after idling (a twentieth of a second's worth).
    var limiter = new RateLimiter(2_400, clock, clock);

    // Two at 0 ms, then one every 25 ms: the 40th at 38 × 25 = 950 ms.
    assertThat(limiter.acquire(40)).isEqualTo(Duration.ofMillis(950));
    // The pace would let the 41st catch up at 975 ms, but the window [0, 1 s) holds 40 already.
    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-23T00:00:01Z"));
  }

  @Test
  void aQuotaThatDoesNotDivideEvenlyIsPacedSlowerNotFaster() throws Exception {
    var limiter = new RateLimiter(7, clock, clock); // 60 s / 7 = 8.571428571… s, rounded up

    limiter.acquire(1);

    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofNanos(8_571_428_572L));
  }

  @Test
  void moreThanTheRateWaitsForTheTokens() throws Exception {
    var limiter = new RateLimiter(120, clock, clock); // 2 a second

    limiter.acquire(2);
    Duration waited = limiter.acquire(4);

    assertThat(waited).isEqualTo(Duration.ofSeconds(2));
  }
}
