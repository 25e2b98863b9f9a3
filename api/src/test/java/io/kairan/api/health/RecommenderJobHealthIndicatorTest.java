package io.kairan.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kairan.api.health.KafkaOffsets.KafkaUnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class RecommenderJobHealthIndicatorTest {
  private static final String JOB = "kairan-recommender";

  private static Health healthAt(String restUrl) {
    return healthAt(restUrl, mock(ConsumerLag.class), Duration.ofSeconds(2));
  }

  private static Health healthAt(String restUrl, ConsumerLag lag, Duration timeout) {
    var settings = new RecommenderJobSettings(restUrl, JOB, JOB, timeout);
    return new RecommenderJobHealthIndicator(settings, lag).health();
  }

  @Test
  void aRunningJobIsUpWithItsState() {
    try (var flink = FakeFlink.withJobs(JOB, "RUNNING", 1_000L)) {
      Health health = healthAt(flink.url());

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("state", "RUNNING").containsEntry("job", JOB);
    }
  }

  @ParameterizedTest(name = "a {0} job is DOWN with its state")
  @ValueSource(strings = {"RESTARTING", "FAILED", "FAILING", "CANCELED", "INITIALIZING"})
  void aJobThatIsNotRunningIsDownWithItsState(String state) {
    try (var flink = FakeFlink.withJobs(JOB, state, 1_000L)) {
      Health health = healthAt(flink.url());

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("state", state);
    }
  }

  @Test
  void aRunningJobCountsOverAnOlderFailedRunOfTheSameName() {
    try (var flink =
        FakeFlink.withJobs(JOB, "FAILED", 5_000L, JOB, "RUNNING", 1_000L, "other", "FAILED", 9L)) {
      assertThat(healthAt(flink.url()).getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void withoutARunningRunTheNewestRunsStateCounts() {
    try (var flink = FakeFlink.withJobs(JOB, "CANCELED", 1_000L, JOB, "RESTARTING", 5_000L)) {
      assertThat(healthAt(flink.url()).getDetails()).containsEntry("state", "RESTARTING");
    }
  }

  @Test
  void aFlinkWithoutTheJobIsDownSayingSo() {
    try (var flink = FakeFlink.withJobs("another-job", "RUNNING", 1_000L)) {
      Health health = healthAt(flink.url());

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("reason", "Flink has no job of that name");
    }
  }

  @Test
  void anUnreachableFlinkIsDownWithTheReason() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    Health health = healthAt("http://127.0.0.1:" + closedPort);

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat((String) health.getDetails().get("reason"))
        .startsWith("Flink did not answer at http://127.0.0.1:" + closedPort + "/jobs/overview");
  }

  @Test
  void aFlinkThatDoesNotAnswerIsDownWithinTheTimeout() {
    try (var flink = FakeFlink.answering("{\"jobs\":[]}", Duration.ofSeconds(10))) {
      long start = System.nanoTime();

      Health health = healthAt(flink.url(), mock(ConsumerLag.class), Duration.ofMillis(300));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }
  }

  @Test
  void withoutARestUrlTheJobIsUnknownWithTheReason() {
    Health health = healthAt(" ");

    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails())
        .containsEntry("reason", "kairan.job.rest-url is not set: Flink cannot be asked");
  }

  @Test
  void theConsumerLagOfEachInputIsReportedBesideTheState() throws Exception {
    ConsumerLag lag = mock(ConsumerLag.class);
    when(lag.perTopic(eq(JOB), eq(RecommenderJobHealthIndicator.INPUTS)))
        .thenReturn(
            Map.of("notices.v1", 0L, "profiles.v1", 12L, "rules.v1", 0L, "feedback.v1", 3L));

    try (var flink = FakeFlink.withJobs(JOB, "RUNNING", 1_000L)) {
      Health health = healthAt(flink.url(), lag, Duration.ofSeconds(2));

      assertThat(health.getDetails().get("lag"))
          .isEqualTo(
              Map.of("notices.v1", 0L, "profiles.v1", 12L, "rules.v1", 0L, "feedback.v1", 3L));
    }
  }

  @Test
  void aKafkaThatDoesNotAnswerLeavesTheJobsStateAndSaysTheLagIsUnknown() throws Exception {
    ConsumerLag lag = mock(ConsumerLag.class);
    when(lag.perTopic(any(), any()))
        .thenThrow(new KafkaUnavailableException(new java.util.concurrent.TimeoutException()));

    try (var flink = FakeFlink.withJobs(JOB, "RUNNING", 1_000L)) {
      Health health = healthAt(flink.url(), lag, Duration.ofSeconds(2));

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsKey("lagUnknown").doesNotContainKey("lag");
    }
  }
}
