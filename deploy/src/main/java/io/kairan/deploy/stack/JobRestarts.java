package io.kairan.deploy.stack;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;

/** How the job restarts after a failure, the same on the local stack and the session cluster. */
public final class JobRestarts {
  private JobRestarts() {}

  /**
   * From its last checkpoint, backing off exponentially (1 s up to 1 min) so that a record that
   * keeps failing cannot spin the machine; the API's health shows it.
   */
  public static void configure(Configuration flink) {
    flink.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    flink.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
        Duration.ofSeconds(1));
    flink.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
        Duration.ofMinutes(1));
  }
}
