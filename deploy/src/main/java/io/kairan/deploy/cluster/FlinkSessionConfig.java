package io.kairan.deploy.cluster;

import io.kairan.deploy.stack.JobRestarts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The session cluster's {@code conf/}: {@code config.yaml} (standard YAML, which Flink 2 reads
 * instead of {@code flink-conf.yaml}), written from Flink's own option constants so no key is
 * misspelt, and {@code log4j.properties}. Every process of the cluster, and the {@code flink run}
 * client, reads the same directory.
 */
final class FlinkSessionConfig {
  static final String HOST = "127.0.0.1";

  /**
   * How often the JobManager and the TaskManagers ask after each other, and how long one may stay
   * silent before it is taken for lost. A TaskManager killed with SIGKILL drops its connections at
   * once, so the next heartbeat's RPC to it fails and after {@code heartbeat.rpc-failure-threshold}
   * (2) failed ones it is written off: within about two intervals, 4 s. The timeout is for a
   * TaskManager that hangs or cannot be reached without refusing anything (a long pause, a cut
   * network): with Flink's defaults (10 s, 50 s) its slots would stay in the pool for most of a
   * minute, the job's restart waiting on them; 10 s still leaves room for a garbage collection
   * pause or a busy machine, which must not make Flink fail a healthy TaskManager.
   */
  static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(2);

  static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  /** The JVM options flink-dist's {@code config.yaml} gives every process on Java 17. */
  static final String JAVA_17_OPTIONS =
      String.join(
          " ",
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private FlinkSessionConfig() {}

  static org.apache.flink.configuration.Configuration of(FlinkSessionSettings s, int rpcPort) {
    var flink = new org.apache.flink.configuration.Configuration();
    flink.set(CoreOptions.FLINK_JVM_OPTIONS, JAVA_17_OPTIONS);
    // Everything on loopback: this is one machine, and nothing of it should be reachable from
    // outside. The TaskManagers find the JobManager at its fixed RPC port; every other port
    // (blob server, data exchange, the TaskManagers' RPC) is taken free by the process itself.
    flink.set(JobManagerOptions.ADDRESS, HOST);
    flink.set(JobManagerOptions.BIND_HOST, HOST);
    flink.set(JobManagerOptions.PORT, rpcPort);
    flink.set(TaskManagerOptions.HOST, HOST);
    flink.set(TaskManagerOptions.BIND_HOST, HOST);
    flink.set(RestOptions.ADDRESS, HOST);
    flink.set(RestOptions.BIND_ADDRESS, HOST);
    flink.set(RestOptions.PORT, s.restPort());
    flink.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(s.jobManagerMemory()));
    flink.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(s.taskManagerMemory()));
    flink.set(TaskManagerOptions.NUM_TASK_SLOTS, s.slotsPerTaskManager());
    // The job keeps its state on the heap ("hashmap" below), which managed memory does not serve:
    // a tenth for it (RocksDB's, were it chosen) rather than the default two fifths, so the task
    // heap gets the rest.
    flink.set(TaskManagerOptions.MANAGED_MEMORY_FRACTION, 0.1f);
    // A job's subtasks go to the TaskManager with the most free slots: spread over all of them,
    // so the loss of one costs a share of the job, and each machine carries a share of the load.
    flink.set(
        TaskManagerOptions.TASK_MANAGER_LOAD_BALANCE_MODE,
        TaskManagerOptions.TaskManagerLoadBalanceMode.SLOTS);
    flink.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, HEARTBEAT_INTERVAL);
    flink.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, HEARTBEAT_TIMEOUT);
    JobRestarts.configure(flink);
    // The REST API's metrics (a job's numRestarts, say) fresh within 2 s rather than 10.
    flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(2));
    flink.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    // On a directory every process reaches: what the TaskManagers write, the JobManager's
    // metadata names, and a restarted task on any other TaskManager reads back.
    // (A path's URI ends in a slash only while the directory exists: none, for the same file.)
    flink.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        s.checkpoints().toAbsolutePath().toUri().toString().replaceFirst("/$", ""));
    flink.set(CoreOptions.TMP_DIRS, s.dir().resolve("tmp").toString());
    return flink;
  }

  /** Writes {@code config.yaml} and {@code log4j.properties} into {@code conf}. */
  static void write(Path conf, org.apache.flink.configuration.Configuration flink)
      throws IOException {
    Files.createDirectories(conf);
    Files.write(
        conf.resolve(GlobalConfiguration.FLINK_CONF_FILENAME),
        ConfigurationUtils.convertConfigToWritableLines(flink, false));
    try (InputStream log4j =
        FlinkSessionConfig.class.getResourceAsStream("flink-log4j.properties")) {
      Files.copy(
          log4j,
          conf.resolve("log4j.properties"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The configuration as the cluster's processes read it back from {@code conf}. */
  static org.apache.flink.configuration.Configuration read(Path conf) {
    return GlobalConfiguration.loadConfiguration(conf.toString());
  }
}
