package io.kairan.api.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests each client may make, per class of call: reads ({@code GET}, {@code HEAD}) and writes
 * (every other method). A class left out is not limited.
 *
 * @param reads e.g. {@code kairan.rate-limits.reads.requests=100}, {@code ….per=1s}
 * @param writes the same for writes, stricter
 */
@ConfigurationProperties("kairan.rate-limits")
public record RateLimitSettings(Limit reads, Limit writes) {
  /**
   * Up to {@code requests} at once, then one more every {@code per / requests}: over any stretch of
   * time {@code t}, at most {@code requests × (1 + t / per)}.
   */
  public record Limit(int requests, Duration per) {
    public Limit {
      if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
        throw new IllegalStateException(
            "a rate limit needs requests of at least 1 and a positive per (e.g. 1s), not "
                + requests
                + " per "
                + per);
      }
    }

    /** The time one request's allowance takes to come back. */
    Duration interval() {
      return per.dividedBy(requests);
    }
  }

  /** The limit of a class of calls; null when it is not limited. */
  Limit of(CallClass callClass) {
    return callClass == CallClass.READ ? reads : writes;
  }
}
