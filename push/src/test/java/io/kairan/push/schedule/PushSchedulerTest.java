package io.kairan.push.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Delivery;
import io.kairan.push.Fixtures;
import io.kairan.push.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scheduler on an injected clock: nothing sleeps, time moves when the test says. */
class PushSchedulerTest {
  private static final Instant EVENING = Instant.parse("2026-11-23T13:00:00Z"); // 22:00 in Tokyo
  private final MutableClock clock = new MutableClock(EVENING);
  private final PushScheduler scheduler = new PushScheduler(clock);

  private static Delivery dueAt(String resident, Instant pushAt) {
    return Fixtures.pushAt("n-1", resident, EVENING, pushAt);
  }

  @Test
  void aHeldPushIsNotDueBeforeItsTimeAndIsDueFromItsTime() {
    Instant morning = EVENING.plus(Duration.ofHours(9)); // 07:00 in Tokyo
    Delivery delivery = dueAt("r-1", morning);
    scheduler.hold(delivery);

    clock.advance(Duration.ofHours(9).minusMillis(1));
    assertThat(scheduler.takeDue()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(scheduler.takeDue()).containsExactly(delivery);
    assertThat(scheduler.takeDue()).as("taken once").isEmpty();
  }

  @Test
  void dueDeliveriesComeEarliestFirst() {
    Delivery seven = dueAt("r-1", EVENING.plus(Duration.ofHours(9)));
    Delivery six = dueAt("r-2", EVENING.plus(Duration.ofHours(8)));
    scheduler.hold(seven);
    scheduler.hold(six);

    clock.advance(Duration.ofHours(10));

    assertThat(scheduler.takeDue()).containsExactly(six, seven);
  }

  @Test
  void aDeliveryReadTwiceIsHeldOnce() {
    Delivery delivery = dueAt("r-1", EVENING.plus(Duration.ofHours(9)));

    assertThat(scheduler.hold(delivery)).isTrue();
    assertThat(scheduler.hold(delivery)).as("a replayed poll or the re-read").isFalse();

    assertThat(scheduler.size()).isEqualTo(1);
  }

  @Test
  void aFailedAttemptIsDueAgainAfterTheDelay() {
    Delivery delivery = dueAt("r-1", EVENING);
    scheduler.hold(delivery);
    assertThat(scheduler.takeDue()).containsExactly(delivery);

    scheduler.retryLater(delivery, Duration.ofSeconds(10));

    assertThat(scheduler.isHeld(delivery.id())).isTrue();
    clock.advance(Duration.ofSeconds(9));
    assertThat(scheduler.takeDue()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(scheduler.takeDue()).containsExactly(delivery);
    assertThat(scheduler.isHeld(delivery.id())).isFalse();
  }
}
