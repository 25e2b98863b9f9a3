package io.kairan.api.health;

import io.kairan.api.health.KafkaOffsets.KafkaUnavailableException;
import io.kairan.model.Topics;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code recommenderJob} in /actuator/health and its readiness group: UP only while the job runs on
 * Flink, DOWN with its state otherwise (RESTARTING, FAILED…), UNKNOWN when no Flink REST URL is
 * set. A job that is not running decides nothing: notices, emergencies included, reach nobody, and
 * this is where that shows. Beside the state it reports the job's consumer lag on each input.
 */
class RecommenderJobHealthIndicator implements HealthIndicator {
  static final List<String> INPUTS =
      List.of(Topics.NOTICES, Topics.PROFILES, Topics.RULES, Topics.FEEDBACK);

  private final RecommenderJobSettings settings;
  private final Optional<FlinkJobs> flink;
  private final ConsumerLag lag;

  RecommenderJobHealthIndicator(RecommenderJobSettings settings, ConsumerLag lag) {
    this.settings = settings;
    this.flink =
        Optional.ofNullable(settings.restUrl()).map(url -> new FlinkJobs(url, settings.timeout()));
    this.lag = lag;
  }

  @Override
  public Health health() {
    Health.Builder health = jobState().withDetail("job", settings.name());
    try {
      health.withDetail("lag", lag.perTopic(settings.groupId(), INPUTS));
    } catch (KafkaUnavailableException e) {
      health.withDetail("lagUnknown", e.getMessage());
    }
    return health.build();
  }

  private Health.Builder jobState() {
    if (flink.isEmpty()) {
      return Health.unknown()
          .withDetail("reason", "kairan.job.rest-url is not set: Flink cannot be asked");
    }
    FlinkJobs jobs = flink.get();
    try {
      return jobs.stateOf(settings.name())
          .map(
              state ->
                  (FlinkJobs.RUNNING.equals(state) ? Health.up() : Health.down())
                      .withDetail("state", state))
          .orElseGet(() -> Health.down().withDetail("reason", "Flink has no job of that name"));
    } catch (IOException e) {
      return Health.down()
          .withDetail("reason", "Flink did not answer at " + jobs.overview() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().withDetail("reason", "interrupted");
    }
  }
}
