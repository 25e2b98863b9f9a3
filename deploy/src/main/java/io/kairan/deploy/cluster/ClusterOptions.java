package io.kairan.deploy.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the cluster runs and how: the three jars an operator deploys, the job's parallelism on how
 * many TaskManagers and their memory, and the partitions of each topic.
 */
public record ClusterOptions(
    Path apiJar,
    Path pushJar,
    Path jobJar,
    Path elasticsearchHome,
    int taskManagers,
    int parallelism,
    int partitions,
    Duration checkpointInterval,
    String taskManagerMemory) {

  /**
   * Each TaskManager's process size ({@code taskmanager.memory.process.size}): the default fits a
   * few hundred thousand residents; a million want about 4 GB of heap per TaskManager (README).
   */
  public static final String TASK_MANAGER_MEMORY_PROPERTY = "kairan.flink.taskmanager.memory";

  /** The same options with another checkpoint interval. */
  public ClusterOptions withCheckpointInterval(Duration interval) {
    return new ClusterOptions(
        apiJar,
        pushJar,
        jobJar,
        elasticsearchHome,
        taskManagers,
        parallelism,
        partitions,
        interval,
        taskManagerMemory);
  }

  /**
   * The jars where a build of this checkout leaves them (./mvnw install): the services' in their
   * modules, the job's where deploy's build copies it beside Flink's lib (the jar an operator
   * submits).
   */
  public static ClusterOptions fromBuild(Path root, int parallelism) {
    String version = System.getProperty("kairan.version", "0.1.0-SNAPSHOT");
    root = root.toAbsolutePath().normalize();
    return new ClusterOptions(
        root.resolve("api/target/kairan-api-" + version + "-exec.jar"),
        root.resolve("push/target/kairan-push-" + version + "-exec.jar"),
        FlinkSessionSettings.defaultHome().resolve("jobs/kairan-recommender-job.jar"),
        Path.of(
            System.getProperty(
                "kairan.elasticsearch.home",
                root.resolve("deploy/target/elasticsearch-8.19.21").toString())),
        2,
        parallelism,
        4,
        Duration.ofSeconds(5),
        System.getProperty(TASK_MANAGER_MEMORY_PROPERTY, "1280m"));
  }
}
