package io.kairan.push.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.firebase.messaging.MessagingErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.standard();

  @Test
  void transientErrorsAndTimeoutsAreRetriedButRefusalsAreNot() {
    assertThat(policy.retryable(MessagingErrorCode.UNAVAILABLE)).isTrue();
    assertThat(policy.retryable(MessagingErrorCode.INTERNAL)).isTrue();
    assertThat(policy.retryable(MessagingErrorCode.QUOTA_EXCEEDED)).isTrue();
    assertThat(policy.retryable(null)).as("a timeout has no error code").isTrue();
    assertThat(policy.retryable(MessagingErrorCode.INVALID_ARGUMENT)).isFalse();
    assertThat(policy.retryable(MessagingErrorCode.SENDER_ID_MISMATCH)).isFalse();
    assertThat(policy.retryable(MessagingErrorCode.UNREGISTERED)).isFalse();
  }

  /** 1 s doubled per attempt, at most 2 minutes: 1, 2, 4, … 64, 120, 120 s. */
  private static final long[] CEILINGS_MS = {
    1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000, 120_000
  };

  @Test
  void backOffLiesBetweenHalfTheCeilingAndTheCeilingOfEachAttempt() {
    var random = new SplittableRandom(7);
    for (int attempt = 1; attempt <= 10; attempt++) {
      long ceiling = CEILINGS_MS[attempt - 1];
      assertThat(policy.backoff(attempt, MessagingErrorCode.UNAVAILABLE, null, random).toMillis())
          .as("attempt %d", attempt)
          .isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void backOffIsJitteredNotTheBareCeilingNorAFixedShareOfIt() {
    var random = new SplittableRandom(42);
    List<Double> shares = new ArrayList<>();
    for (int attempt = 1; attempt <= 10; attempt++) {
      long wait = policy.backoff(attempt, MessagingErrorCode.UNAVAILABLE, null, random).toMillis();
      shares.add((double) wait / CEILINGS_MS[attempt - 1]);
    }

    assertThat(shares).as("no delay is the un-jittered ceiling").doesNotContain(1.0);
    assertThat(new HashSet<>(shares)).as("each attempt draws its own share").hasSize(10);
  }

  @Test
  void twoSendersThatFailedTogetherWaitDifferently() {
    var first = new SplittableRandom(1);
    var second = new SplittableRandom(2);

    assertThat(policy.backoff(3, MessagingErrorCode.UNAVAILABLE, null, first))
        .isNotEqualTo(policy.backoff(3, MessagingErrorCode.UNAVAILABLE, null, second));
  }

  @Test
  void retryAfterIsHonouredAndQuotaWaitsAtLeastAMinute() {
    assertThat(policy.backoff(1, MessagingErrorCode.UNAVAILABLE, Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoff(1, MessagingErrorCode.QUOTA_EXCEEDED, Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.backoff(1, MessagingErrorCode.QUOTA_EXCEEDED, Duration.ofSeconds(90)))
        .isEqualTo(Duration.ofSeconds(90));
  }
}
