package io.kairan.api.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Per client and class of call, the generic cell rate algorithm (a token bucket kept as one
 * instant): each client has a theoretical arrival time {@code tat}; a request at {@code now} is let
 * through when {@code tat - now <= per - interval}, and moves {@code tat} on by one interval. So a
 * client that was quiet gets exactly {@code requests} at once, then one every interval, and a
 * refused one learns when the next will pass. Time is the system's, or a {@link RateLimitClock}
 * bean's (never the application's clock, see there). A client whose {@code tat} lies in the past is
 * as good as unknown, so such entries are swept now and then: memory holds the clients of the last
 * {@code per}, no more.
 */
@Component
public class RateLimiter {
  private static final int SWEEP_EVERY = 4096;
  private final RateLimitSettings settings;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Instant> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  @Autowired
  RateLimiter(RateLimitSettings settings, Optional<RateLimitClock> time) {
    this(settings, time.map(RateLimitClock::clock).orElseGet(Clock::systemUTC));
  }

  RateLimiter(RateLimitSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  private record Key(CallClass callClass, String client) {}

  /**
   * Takes one request's allowance.
   *
   * @return empty when the request may go on, else how long until one would pass
   */
  public Optional<Duration> take(String method, String client) {
    CallClass callClass = CallClass.of(method);
    RateLimitSettings.Limit limit = settings.of(callClass);
    if (limit == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      arrivals.values().removeIf(tat -> !tat.isAfter(now));
    }
    Duration interval = limit.interval();
    Duration tolerance = limit.per().minus(interval);
    Duration[] wait = {Duration.ZERO};
    arrivals.compute(
        new Key(callClass, client),
        (key, held) -> {
          Instant tat = held == null || held.isBefore(now) ? now : held;
          Duration ahead = Duration.between(now, tat);
          if (ahead.compareTo(tolerance) > 0) {
            wait[0] = ahead.minus(tolerance);
            return held;
          }
          return tat.plus(interval);
        });
    return wait[0].isZero() ? Optional.empty() : Optional.of(wait[0]);
  }
}
