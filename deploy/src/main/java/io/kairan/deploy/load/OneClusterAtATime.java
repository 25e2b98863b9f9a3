package io.kairan.deploy.load;

import java.io.IOException;
import java.time.Duration;

/**
 * The machine holds one session cluster at a time: before starting one, wait while another runs (a
 * fault drill's, an IT's), looking every 30 s. Its JobManager alone is not enough to look for: a
 * cluster starts Kafka and Elasticsearch first, for a minute, under its {@code kairan-cluster-}
 * directory, which every one of its processes names.
 */
final class OneClusterAtATime {
  static final String JOB_MANAGER = "StandaloneSessionClusterEntrypoint";
  static final String CLUSTER_DIRECTORY = "kairan-cluster-";
  static final Duration POLL = Duration.ofSeconds(30);

  private OneClusterAtATime() {}

  static void await() throws IOException, InterruptedException {
    boolean said = false;
    while (anotherRuns()) {
      if (!said) {
        System.out.println("[load] another session cluster runs here; waiting until it is gone");
        said = true;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static boolean anotherRuns() throws IOException, InterruptedException {
    Process pgrep =
        new ProcessBuilder("pgrep", "-f", JOB_MANAGER).redirectErrorStream(true).start();
    pgrep.getInputStream().readAllBytes();
    return pgrep.waitFor() == 0;
  }
}
