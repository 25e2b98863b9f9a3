package io.kairan.deploy.stack;

import java.nio.file.Path;

/**
 * Ports and sizes of a local stack. {@link #fixedPorts} are the README's; tests take free ports.
 *
 * @param residents synthetic residents to load, 0 for none
 */
public record StackOptions(
    int kafkaPort,
    int elasticsearchPort,
    int apiPort,
    int pushPort,
    int fcmPort,
    int residents,
    Path samples,
    String elasticsearchHeap,
    long checkpointIntervalMs) {

  public static StackOptions fixedPorts(Path samples, int residents) {
    return new StackOptions(9092, 9200, 8080, 8081, 9099, residents, samples, "512m", 5_000);
  }

  public static StackOptions freePorts(Path samples, int residents) {
    return new StackOptions(
        Ports.free(),
        Ports.free(),
        Ports.free(),
        Ports.free(),
        Ports.free(),
        residents,
        samples,
        "512m",
        2_000);
  }

  /** The same stack with another checkpoint interval. */
  public StackOptions checkpointingEvery(long intervalMs) {
    return new StackOptions(
        kafkaPort,
        elasticsearchPort,
        apiPort,
        pushPort,
        fcmPort,
        residents,
        samples,
        elasticsearchHeap,
        intervalMs);
  }
}
