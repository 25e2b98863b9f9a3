package io.kairan.push.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {
  @Test
  void placesUpToTheMaxAreTakenAndThePeakIsTheMostAtOnce() throws Exception {
    var limit = new InFlightLimit(3);

    limit.enter();
    limit.enter();
    limit.leave();
    limit.enter();
    limit.enter();
    limit.leave();
    limit.leave();

    assertThat(limit.current()).isEqualTo(1);
    assertThat(limit.peak()).isEqualTo(3);
  }

  @Test
  void aSendBeyondTheMaxWaitsUntilAnAnswerFreesAPlace() throws Exception {
    var limit = new InFlightLimit(1);
    limit.enter();
    Thread second =
        new Thread(
            () -> {
              try {
                limit.enter();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    second.start();
    // Polls the thread's state, not the clock: it waits on the limit until the place is freed.
    while (second.getState() != Thread.State.WAITING) {
      assertThat(second.isAlive()).as("still waiting for a place").isTrue();
      Thread.onSpinWait();
    }
    assertThat(limit.current()).isEqualTo(1);

    limit.leave();
    second.join();

    assertThat(limit.current()).isEqualTo(1);
    assertThat(limit.peak()).as("never two at once").isEqualTo(1);
  }

  @Test
  void anAnswerWithNothingInFlightIsRefused() {
    var limit = new InFlightLimit(2);

    assertThatThrownBy(limit::leave).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new InFlightLimit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }
}
