package io.kairan.deploy.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.json.Json;
import io.kairan.recommender.job.JobSettings;
import io.kairan.recommender.job.KairanJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The recommender job on a MiniCluster in a JVM of its own, with its own heap, as on a cluster's
 * TaskManager: its collections are its own, not those of the API, push and a benchmark sharing one
 * heap. Its garbage collections are logged with wall-clock times to {@code gc.log} in its
 * directory, so a benchmark can tell which of its pauses fell where.
 */
final class SeparateJob implements AutoCloseable {
  private final ChildProcess process;
  private final Path gcLog;

  private SeparateJob(ChildProcess process, Path gcLog) {
    this.process = process;
    this.gcLog = gcLog;
  }

  static SeparateJob start(
      Path dir,
      String heap,
      String bootstrapServers,
      int restPort,
      long checkpointIntervalMs,
      String stateBackend)
      throws Exception {
    Files.createDirectories(dir);
    Path gcLog = dir.resolve("gc.log");
    List<String> command =
        List.of(
            ChildProcess.javaExecutable(),
            "-Xmx" + heap,
            "-Xlog:gc:file=" + gcLog + ":time",
            "-cp",
            Path.of(SeparateJob.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + java.io.File.pathSeparator
                + ChildProcess.classpath(),
            SeparateJob.class.getName(),
            bootstrapServers,
            String.valueOf(restPort),
            String.valueOf(checkpointIntervalMs),
            stateBackend,
            dir.toString());
    ChildProcess child = ChildProcess.start("job", command, Map.of(), dir, dir.resolve("job.log"));
    SeparateJob job = new SeparateJob(child, gcLog);
    String rest = "http://127.0.0.1:" + restPort;
    try {
      Waits.until(
          "the job running in its own JVM", Duration.ofSeconds(120), () -> job.running(rest));
    } catch (RuntimeException | InterruptedException e) {
      job.close();
      throw e;
    }
    return job;
  }

  Path gcLog() {
    return gcLog;
  }

  private static final Pattern FULL_GC =
      Pattern.compile(".*Pause Full \\(.*?\\) \\S+->(\\d+)([KMG])\\(.*");

  /**
   * What the job's heap holds after a full collection (asked for with {@code jcmd GC.run}): its
   * live state, the heap the job needs at least.
   */
  long heapAfterFullGc() throws Exception {
    long before = fullCollections().size();
    ChildProcess.run(
        "jcmd",
        List.of("jcmd", String.valueOf(process.pid()), "GC.run"),
        Map.of(),
        gcLog.getParent(),
        Duration.ofMinutes(2));
    Waits.until(
        "the job's full collection in its log",
        Duration.ofMinutes(2),
        () -> fullCollections().size() > before);
    List<Long> sizes = fullCollections();
    return sizes.get(sizes.size() - 1);
  }

  private List<Long> fullCollections() throws java.io.IOException {
    var sizes = new java.util.ArrayList<Long>();
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = FULL_GC.matcher(line);
      if (m.matches()) {
        long unit =
            switch (m.group(2)) {
              case "K" -> 1L << 10;
              case "M" -> 1L << 20;
              default -> 1L << 30;
            };
        sizes.add(Long.parseLong(m.group(1)) * unit);
      }
    }
    return sizes;
  }

  private boolean running(String rest) throws Exception {
    if (!process.isAlive()) {
      throw new IllegalStateException("the job's JVM exited:\n" + process.tail());
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(rest + "/jobs")).build(),
                  HttpResponse.BodyHandlers.ofString());
      for (JsonNode job : Json.mapper().readTree(response.body()).path("jobs")) {
        if (job.path("status").asText().equals("RUNNING")) {
          return true;
        }
      }
    } catch (java.io.IOException notYet) {
      // its REST API is not up yet
    }
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    process.kill();
  }

  /**
   * In the child JVM: {@code BOOTSTRAP_SERVERS REST_PORT CHECKPOINT_INTERVAL_MS STATE_BACKEND DIR}.
   * Runs until killed; restarts the job from its last checkpoint as the local stack's does.
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[4]);
    Configuration flink = new Configuration();
    flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    flink.set(RestOptions.BIND_PORT, args[1]);
    flink.set(RestOptions.PORT, Integer.parseInt(args[1]));
    flink.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    flink.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
    JobStateBackend.configure(flink, args[3], dir.resolve("changelog"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flink);
    JobClient job =
        KairanJob.start(
            env,
            new JobSettings(
                args[0], "kairan-recommender", Duration.ofMillis(Long.parseLong(args[2]))));
    job.getJobExecutionResult().get();
  }
}
