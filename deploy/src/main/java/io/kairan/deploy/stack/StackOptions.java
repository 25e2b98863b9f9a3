package io.kairan.deploy.stack;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Ports and sizes of a local stack. {@link #fixedPorts} are the README's; tests take free ports.
 *
 * @param residents synthetic residents to load, 0 for none
 * @param jobClock the recommender job's clock: the system clock, or a fixed one in tests whose
 *     outcome depends on the time of day (quiet hours, digests, daily caps, ages)
 * @param stateBackend the job's state backend: {@code hashmap} (state on the heap, every checkpoint
 *     a full snapshot) or {@code rocksdb} (on disk, incremental checkpoints)
 */
public record StackOptions(
    int kafkaPort,
    int elasticsearchPort,
    int apiPort,
    int pushPort,
    int fcmPort,
    int smtpPort,
    int residents,
    Path samples,
    String elasticsearchHeap,
    long checkpointIntervalMs,
    Clock jobClock,
    String stateBackend,
    String jobHeap) {

  public static StackOptions fixedPorts(Path samples, int residents) {
    return new StackOptions(
        9092,
        9200,
        8080,
        8081,
        9099,
        3025,
        residents,
        samples,
        "512m",
        5_000,
        Clock.systemUTC(),
        "hashmap",
        "");
  }

  public static StackOptions freePorts(Path samples, int residents) {
    return freePorts(samples, residents, Clock.systemUTC());
  }

  /** Free ports, and the job on this clock (serializable, e.g. {@link Clock#fixed}). */
  public static StackOptions freePorts(Path samples, int residents, Clock jobClock) {
    return new StackOptions(
        Ports.free(),
        Ports.free(),
        Ports.free(),
        Ports.free(),
        Ports.free(),
        Ports.free(),
        residents,
        samples,
        "512m",
        2_000,
        jobClock,
        "hashmap",
        "");
  }

  /** The same stack with another checkpoint interval. */
  public StackOptions checkpointingEvery(long intervalMs) {
    return withJob(intervalMs, stateBackend, jobHeap);
  }

  /** The same stack with the job on another state backend ({@link JobStateBackend}). */
  public StackOptions withStateBackend(String backend) {
    return withJob(checkpointIntervalMs, backend, jobHeap);
  }

  /** The same stack with the job in a JVM of its own with this heap (e.g. {@code 4g}). */
  public StackOptions withJobJvm(String heap) {
    return withJob(checkpointIntervalMs, stateBackend, heap);
  }

  private StackOptions withJob(long intervalMs, String backend, String heap) {
    return new StackOptions(
        kafkaPort,
        elasticsearchPort,
        apiPort,
        pushPort,
        fcmPort,
        smtpPort,
        residents,
        samples,
        elasticsearchHeap,
        intervalMs,
        jobClock,
        backend,
        heap);
  }
}
