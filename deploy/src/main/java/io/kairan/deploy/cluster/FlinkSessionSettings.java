package io.kairan.deploy.cluster;

import io.kairan.deploy.stack.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a Flink session cluster is made of: the Flink installation it runs from ({@code lib/} with
 * Flink's jars, as deploy's build assembles it in {@code deploy/target/flink}), the directory its
 * configuration, logs and checkpoints go to, how many TaskManagers with how many slots, the REST
 * port, and each process's memory.
 */
public record FlinkSessionSettings(
    Path flinkHome,
    Path dir,
    int taskManagers,
    int slotsPerTaskManager,
    int restPort,
    String jobManagerMemory,
    String taskManagerMemory) {

  /** Where deploy's build assembles Flink; a test run or a launcher may point elsewhere. */
  public static final String HOME_PROPERTY = "kairan.flink.home";

  public FlinkSessionSettings {
    if (!Files.isDirectory(flinkHome.resolve("lib"))) {
      throw new IllegalArgumentException(
          "no Flink lib directory in "
              + flinkHome.toAbsolutePath()
              + ": build it with ./mvnw -pl deploy package (or name it with -D"
              + HOME_PROPERTY
              + ")");
    }
    if (taskManagers < 1 || slotsPerTaskManager < 1) {
      throw new IllegalArgumentException("at least one TaskManager with one slot");
    }
  }

  /**
   * Two slots per TaskManager, on a free REST port; 1 GB for the JobManager and 1.25 GB per
   * TaskManager, modest because the machine is shared with Kafka, Elasticsearch, the API and push.
   */
  public static FlinkSessionSettings defaults(Path dir, int taskManagers) {
    return new FlinkSessionSettings(
        defaultHome(), dir, taskManagers, 2, Ports.free(), "1g", "1280m");
  }

  /**
   * The {@value #HOME_PROPERTY} system property, else {@code target/flink} or {@code
   * deploy/target/flink} from the working directory (the module's or the checkout's).
   */
  public static Path defaultHome() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home != null) {
      return Path.of(home);
    }
    for (Path candidate : List.of(Path.of("target/flink"), Path.of("deploy/target/flink"))) {
      if (Files.isDirectory(candidate.resolve("lib"))) {
        return candidate.toAbsolutePath();
      }
    }
    return Path.of("deploy/target/flink").toAbsolutePath();
  }

  Path lib() {
    return flinkHome.resolve("lib");
  }

  Path conf() {
    return dir.resolve("conf");
  }

  Path logs() {
    return dir.resolve("log");
  }

  /** Shared by every process: a TaskManager writes its part of a checkpoint, any other reads it. */
  public Path checkpoints() {
    return dir.resolve("checkpoints");
  }
}
