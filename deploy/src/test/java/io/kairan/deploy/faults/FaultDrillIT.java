package io.kairan.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.cluster.ClusterOptions;
import io.kairan.deploy.cluster.ClusterStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The fault drill, small, on the cluster stack (three brokers, a Flink session cluster, two
 * Elasticsearch nodes, the API and push as processes): every fault of issue #15 while notices and
 * profile changes stream in. Who should have what comes from the workload's districts alone, not
 * from the matcher.
 */
class FaultDrillIT {
  @Test
  void aStreamThroughEveryFaultLosesNothingMisdirectsNothingAndEveryFaultRecovers()
      throws Exception {
    var options =
        new DrillOptions(
            100, 20, 1.0, 2, Duration.ofSeconds(10), Duration.ofSeconds(45), 2, false, "");
    var workload = new DrillWorkload(100, DrillWorkload.DISTRICTS, 20);
    DrillRun.Outcome outcome;
    try (ClusterStack stack = ClusterStack.start(ClusterOptions.fromBuild(Path.of(".."), 2))) {
      outcome = new DrillRun(stack, workload, options).run(Arrays.asList(Fault.values()));
    }

    assertThat(outcome.faults())
        .extracting(DrillRun.FaultReport::fault)
        .containsExactly(Fault.values());
    assertThat(outcome.faults())
        .allSatisfy(f -> assertThat(f.recoverySeconds()).as(f.fault() + " recovered").isNotNull());
    DrillCounts counts = DrillCounts.of(workload, outcome);
    assertThat(counts.noticesAccepted()).isGreaterThanOrEqualTo(20);
    assertThat(counts.noticesLost()).isZero();
    assertThat(counts.deliveriesLost()).isZero();
    assertThat(counts.deliveriesMisdirected()).isZero();
    assertThat(counts.pushesMissing()).isZero();
    assertThat(counts.emergenciesWithoutTopicMessage()).isZero();
    // The one chunk a killed push may send again (README, "Push").
    assertThat(counts.extraSends()).isLessThanOrEqualTo(500);
    assertThat(counts.feedsComplete()).isEqualTo(100);
    assertThat(counts.feedItemsForeign()).isZero();
  }
}
