package io.kairan.push.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.firebase.messaging.MessagingErrorCode;
import java.time.Duration;
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

  @Test
  void backOffGrowsWithJitterAndStaysUnderTheCeiling() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      long ceiling = Math.min(120_000, 1000L << (attempt - 1));
      assertThat(policy.backoff(attempt, MessagingErrorCode.UNAVAILABLE, null).toMillis())
          .isBetween(ceiling / 2, ceiling);
    }
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
