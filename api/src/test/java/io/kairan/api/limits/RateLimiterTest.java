package io.kairan.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.api.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limiter on a clock the test moves: counts and waits worked out by hand. */
class RateLimiterTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final MovingClock clock = new MovingClock(T0);

  /** Reads 10 a minute (one every 6 s), writes 3 a minute (one every 20 s). */
  private final RateLimiter limiter =
      new RateLimiter(
          new RateLimitSettings(
              new RateLimitSettings.Limit(10, Duration.ofMinutes(1)),
              new RateLimitSettings.Limit(3, Duration.ofMinutes(1))),
          clock);

  @Test
  void exactlyTheLimitPassesAtOnceThenTheNextWaitsOneInterval() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.take("POST", "shop-1")).as("write %d", i + 1).isEmpty();
    }
    assertThat(limiter.take("POST", "shop-1")).contains(Duration.ofSeconds(20));
    assertThat(limiter.take("PUT", "shop-1")).contains(Duration.ofSeconds(20));
  }

  @Test
  void aRefusedRequestPassesExactlyWhenItWasToldTo() {
    for (int i = 0; i < 3; i++) {
      limiter.take("POST", "shop-1");
    }
    clock.advance(Duration.ofSeconds(19));
    assertThat(limiter.take("POST", "shop-1")).contains(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.take("POST", "shop-1")).isEmpty();
    assertThat(limiter.take("POST", "shop-1")).contains(Duration.ofSeconds(20));
  }

  @Test
  void aQuietMinuteGivesTheWholeLimitBackButNoMore() {
    for (int i = 0; i < 3; i++) {
      limiter.take("DELETE", "shop-1");
    }
    clock.advance(Duration.ofHours(1));

    int passed = 0;
    while (limiter.take("DELETE", "shop-1").isEmpty()) {
      passed++;
    }
    assertThat(passed).isEqualTo(3);
  }

  @Test
  void readsAndWritesAndClientsEachHaveTheirOwnAllowance() {
    for (int i = 0; i < 3; i++) {
      limiter.take("POST", "shop-1");
    }
    assertThat(limiter.take("POST", "shop-1")).isPresent();

    assertThat(limiter.take("POST", "shop-2")).isEmpty();
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.take(i % 2 == 0 ? "GET" : "HEAD", "shop-1")).isEmpty();
    }
    assertThat(limiter.take("GET", "shop-1")).contains(Duration.ofSeconds(6));
  }

  @Test
  void aClassWithoutALimitIsNeverRefused() {
    var readsOnly =
        new RateLimiter(
            new RateLimitSettings(new RateLimitSettings.Limit(1, Duration.ofSeconds(1)), null),
            clock);

    for (int i = 0; i < 1000; i++) {
      assertThat(readsOnly.take("POST", "dept-1")).isEmpty();
    }
    assertThat(readsOnly.take("GET", "dept-1")).isEmpty();
    assertThat(readsOnly.take("GET", "dept-1")).isEqualTo(Optional.of(Duration.ofSeconds(1)));
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
    assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofSeconds(20))).isEqualTo(20);
    assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofMillis(19_001))).isEqualTo(20);
    assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(RateLimitFilter.retryAfterSeconds(Duration.ZERO.plusNanos(1))).isEqualTo(1);
  }
}
