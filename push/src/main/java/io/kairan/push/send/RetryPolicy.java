package io.kairan.push.send;

import com.google.firebase.messaging.MessagingErrorCode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Which FCM errors are worth another try, and how long to wait: exponential back-off with full
 * jitter, never shorter than the server's Retry-After, and at least a minute after QUOTA_EXCEEDED
 * (FCM's quota is per minute).
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {
  static final Duration QUOTA_PAUSE = Duration.ofMinutes(1);
  private static final Set<MessagingErrorCode> RETRYABLE =
      Set.of(
          MessagingErrorCode.UNAVAILABLE,
          MessagingErrorCode.INTERNAL,
          MessagingErrorCode.QUOTA_EXCEEDED);

  public static RetryPolicy standard() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(2));
  }

  /** A null code is a timeout or a connection failure: worth retrying too. */
  public boolean retryable(MessagingErrorCode code) {
    return code == null || RETRYABLE.contains(code);
  }

  /** The wait before attempt {@code attempt + 1} (attempts count from 1). */
  public Duration backoff(int attempt, MessagingErrorCode code, Duration retryAfter) {
    return backoff(attempt, code, retryAfter, ThreadLocalRandom.current());
  }

  /**
   * The wait before attempt {@code attempt + 1}: uniformly random between half the ceiling and the
   * ceiling (base doubled per attempt, at most {@code max}), so that many senders that failed
   * together do not come back together.
   */
  Duration backoff(
      int attempt, MessagingErrorCode code, Duration retryAfter, RandomGenerator jitter) {
    long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
    Duration wait = Duration.ofMillis(jitter.nextLong(ceiling / 2, ceiling + 1));
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    if (code == MessagingErrorCode.QUOTA_EXCEEDED && wait.compareTo(QUOTA_PAUSE) < 0) {
      wait = QUOTA_PAUSE;
    }
    return wait;
  }
}
