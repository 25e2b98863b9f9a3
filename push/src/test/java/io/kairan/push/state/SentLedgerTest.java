package io.kairan.push.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.push.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SentLedgerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final SentLedger ledger = SentLedger.standalone(clock);

  private static PushResult result(String delivery, PushOutcome outcome, Instant at) {
    return new PushResult(delivery, "d-1", "r-1", "n-1", outcome, "m-" + delivery, null, at);
  }

  @Test
  void aResultIsRememberedFor48HoursAndThenForgotten() {
    assertThat(SentLedger.RETENTION).isEqualTo(Duration.ofHours(48));
    ledger.record(result("x", PushOutcome.SENT, NOW));

    clock.advance(Duration.ofHours(48));
    assertThat(ledger.forgetExpired()).isZero();
    assertThat(ledger.isDone("x", "d-1")).as("at exactly 48 hours").isTrue();

    clock.advance(Duration.ofMillis(1));
    assertThat(ledger.forgetExpired()).isEqualTo(1);
    assertThat(ledger.isDone("x", "d-1")).isFalse();
    assertThat(ledger.size()).isZero();
  }

  @Test
  void aResultAlreadyPastTheRetentionIsNotTakenIn() {
    ledger.record(result("old", PushOutcome.SENT, NOW.minus(Duration.ofHours(48)).minusMillis(1)));
    ledger.record(result("recent", PushOutcome.SENT, NOW.minus(Duration.ofHours(47))));

    assertThat(ledger.isDone("old", "d-1")).isFalse();
    assertThat(ledger.isDone("recent", "d-1")).isTrue();
  }

  @Test
  void onlyFinalOutcomesCountAsDone() {
    ledger.record(result("sent", PushOutcome.SENT, NOW));
    ledger.record(result("gone", PushOutcome.INVALID_TOKEN, NOW));
    ledger.record(result("refused", PushOutcome.REJECTED, NOW));
    ledger.record(result("failed", PushOutcome.FAILED_AFTER_RETRIES, NOW));

    assertThat(ledger.isDone("sent", "d-1")).isTrue();
    assertThat(ledger.isDone("gone", "d-1")).isTrue();
    assertThat(ledger.isDone("refused", "d-1")).isTrue();
    assertThat(ledger.isDone("failed", "d-1")).as("tried again on the next replay").isFalse();
    assertThat(ledger.messageIdOf("sent", "d-1")).contains("m-sent");
  }

  @Test
  void theStaleLineIsTheRetention() {
    assertThat(ledger.isStale(NOW.minus(SentLedger.RETENTION))).isFalse();
    assertThat(ledger.isStale(NOW.minus(SentLedger.RETENTION).minusMillis(1))).isTrue();
  }
}
