package io.kairan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.deploy.stack.ChildProcess;
import io.kairan.deploy.stack.Ports;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.json.Json;
import io.kairan.recommender.job.JobSettings;
import io.kairan.recommender.job.KairanJob;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The recommender job on a Flink MiniCluster in a JVM of its own, so that a test can kill it the
 * way a crash does: SIGKILL, no cancel, no shutdown hook, whatever the Kafka producers still buffer
 * lost. The job runs on a fixed clock. Checkpoints are taken only when the test asks (Flink's REST
 * API), never periodically, so the test knows exactly what the last one covers.
 */
final class JobProcess implements AutoCloseable {
  static final String GROUP = "kairan-recommender";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ChildProcess process;
  private final String rest;
  private String jobId;

  private JobProcess(ChildProcess process, int restPort) {
    this.process = process;
    this.rest = "http://127.0.0.1:" + restPort;
  }

  /**
   * Starts the job on {@code now}, from the beginning of the topics or, given {@code restoreFrom},
   * from that checkpoint; returns once it runs.
   */
  static JobProcess start(
      Path dir, String bootstrapServers, Path checkpoints, Instant now, Path restoreFrom)
      throws Exception {
    Files.createDirectories(dir);
    int restPort = Ports.free();
    String classpath =
        String.join(
            File.pathSeparator,
            codeSource(JobProcess.class),
            codeSource(ChildProcess.class),
            ChildProcess.classpath());
    List<String> command =
        new ArrayList<>(
            List.of(
                ChildProcess.javaExecutable(),
                "-Xmx1g",
                "-cp",
                classpath,
                JobProcess.class.getName(),
                bootstrapServers,
                checkpoints.toUri().toString(),
                String.valueOf(restPort),
                now.toString()));
    if (restoreFrom != null) {
      command.add(restoreFrom.toUri().toString());
    }
    ChildProcess child = ChildProcess.start("job", command, Map.of(), dir, dir.resolve("job.log"));
    JobProcess job = new JobProcess(child, restPort);
    try {
      Waits.until("the job running in its own JVM", Duration.ofSeconds(90), job::running);
    } catch (RuntimeException | InterruptedException e) {
      job.close();
      throw e;
    }
    return job;
  }

  private boolean running() throws Exception {
    if (!process.isAlive()) {
      throw new IllegalStateException("the job's JVM exited:\n" + process.tail());
    }
    for (JsonNode job : get("/jobs").path("jobs")) {
      if (job.path("status").asText().equals("RUNNING")) {
        jobId = job.path("id").asText();
        return true;
      }
    }
    return false;
  }

  /**
   * Takes a checkpoint and returns its id once it is complete: every record the sources had read
   * when it started is then in its state, and every delivery decided until then is on Kafka (the
   * at-least-once sink flushes at the barrier). A trigger refused while tasks are still starting is
   * tried again.
   */
  long checkpoint() throws Exception {
    long[] id = {-1};
    Waits.until(
        "a completed checkpoint",
        Duration.ofSeconds(90),
        () -> {
          id[0] = tryCheckpoint();
          return id[0] >= 0;
        });
    return id[0];
  }

  /** The id of the checkpoint taken, or -1 when Flink could not take one. */
  private long tryCheckpoint() throws Exception {
    String trigger =
        post("/jobs/" + jobId + "/checkpoints", "{\"checkpointType\":\"FULL\"}")
            .path("request-id")
            .asText();
    JsonNode[] status = {null};
    Waits.until(
        "checkpoint " + trigger + " to complete",
        Duration.ofSeconds(60),
        () -> {
          status[0] = get("/jobs/" + jobId + "/checkpoints/" + trigger);
          return status[0].path("status").path("id").asText().equals("COMPLETED");
        });
    JsonNode operation = status[0].path("operation");
    return operation.has("checkpointId") ? operation.path("checkpointId").asLong() : -1;
  }

  /** The newest checkpoint the job completed in {@code checkpoints} (one with its metadata). */
  static Path latestCheckpoint(Path checkpoints) throws IOException {
    try (Stream<Path> found = Files.walk(checkpoints, 2)) {
      return found
          .filter(p -> p.getFileName().toString().startsWith("chk-"))
          .filter(p -> Files.exists(p.resolve("_metadata")))
          .max(
              Comparator.comparingInt(
                  p -> Integer.parseInt(p.getFileName().toString().substring(4))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint in " + checkpoints));
    }
  }

  /** Kills the job's JVM with SIGKILL and returns once it is gone. */
  void kill() throws InterruptedException {
    process.kill();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private JsonNode get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(rest + path)).GET());
  }

  private JsonNode post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(rest + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  private static String codeSource(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /**
   * In the child JVM: {@code BOOTSTRAP_SERVERS CHECKPOINTS_URI REST_PORT NOW [RESTORE_FROM_URI]}.
   * Runs until killed.
   */
  public static void main(String[] args) throws Exception {
    Configuration flink = new Configuration();
    // A crash is final here: the test restores the job itself, from the checkpoint it chooses.
    flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, args[1]);
    flink.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    flink.set(RestOptions.BIND_PORT, args[2]);
    flink.set(RestOptions.PORT, Integer.parseInt(args[2]));
    if (args.length > 4) {
      flink.set(StateRecoveryOptions.SAVEPOINT_PATH, args[4]);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flink);
    // An interval of Long.MAX_VALUE ms is Flink's "no periodic checkpoints": only triggered ones.
    JobClient job =
        KairanJob.start(
            env,
            new JobSettings(args[0], GROUP, Duration.ofMillis(Long.MAX_VALUE)),
            Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC));
    job.getJobExecutionResult().get();
  }
}
