package io.kairan.deploy.stack;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

/**
 * Watches the recommender job on the local MiniCluster and says so loudly when it leaves RUNNING: a
 * failing or restarting job must never be a stack trace lost in the launcher's log.
 */
final class JobWatch implements AutoCloseable {
  private static final Duration EVERY = Duration.ofSeconds(2);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kairan-job-watch");
            t.setDaemon(true);
            return t;
          });
  private JobStatus last = JobStatus.RUNNING;

  private JobWatch() {}

  static JobWatch of(JobClient job) {
    JobWatch watch = new JobWatch();
    watch.timer.scheduleWithFixedDelay(
        () -> watch.check(job), EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  private void check(JobClient job) {
    JobStatus now;
    try {
      now = job.getJobStatus().get(EVERY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      now = null;
    }
    if (now == last) {
      return;
    }
    if (now == JobStatus.RUNNING) {
      System.out.println("[kairan] the recommender job is RUNNING again");
    } else {
      System.err.printf(
          "%n[kairan] !!!!!!!! the recommender job is %s: no notice is delivered until it runs"
              + " again (it restarts by itself; see the log above and /actuator/health/readiness) !!!!!!!!%n%n",
          now == null ? "UNREACHABLE" : now);
    }
    last = now;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
