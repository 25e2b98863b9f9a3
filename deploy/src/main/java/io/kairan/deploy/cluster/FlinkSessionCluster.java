package io.kairan.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.deploy.stack.ChildProcess;
import io.kairan.deploy.stack.Ports;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A Flink session cluster as {@code bin/start-cluster.sh} runs one: a JobManager and TaskManagers,
 * each a JVM of its own on the jars of {@code lib/}, all reading one {@code conf/config.yaml}, with
 * checkpoints on a directory they share. Jobs are submitted the way an operator does, with {@code
 * flink run -d}. A TaskManager can be killed with SIGKILL and another started in its place.
 */
public final class FlinkSessionCluster implements AutoCloseable {
  static final String JOB_MANAGER_MAIN =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  static final String CLI_MAIN = "org.apache.flink.client.cli.CliFrontend";

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern SUBMITTED =
      Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final FlinkSessionSettings settings;
  private final Configuration config;
  private final String restUrl;
  private ChildProcess jobManager;
  private final List<ChildProcess> taskManagers = new ArrayList<>();
  private int submissions;

  private FlinkSessionCluster(FlinkSessionSettings settings, Configuration config) {
    this.settings = settings;
    this.config = config;
    this.restUrl = "http://" + FlinkSessionConfig.HOST + ":" + settings.restPort();
  }

  /** {@link FlinkSessionSettings#defaults}: two slots per TaskManager on a free REST port. */
  public static FlinkSessionCluster start(Path dir, int taskManagers) throws Exception {
    return start(FlinkSessionSettings.defaults(dir, taskManagers));
  }

  /**
   * Writes the configuration, starts the JobManager and the TaskManagers, and returns once the
   * JobManager's REST API lists every TaskManager as registered.
   */
  public static FlinkSessionCluster start(FlinkSessionSettings settings) throws Exception {
    Files.createDirectories(settings.logs());
    Files.createDirectories(settings.checkpoints());
    Configuration written = FlinkSessionConfig.of(settings, Ports.free());
    FlinkSessionConfig.write(settings.conf(), written);
    FlinkSessionCluster cluster =
        new FlinkSessionCluster(settings, FlinkSessionConfig.read(settings.conf()));
    try {
      cluster.startJobManager();
      for (int i = 0; i < settings.taskManagers(); i++) {
        cluster.launchTaskManager();
      }
      Waits.until(
          settings.taskManagers() + " TaskManagers registered with the JobManager",
          START_TIMEOUT,
          () -> cluster.registeredTaskManagers().size() == settings.taskManagers());
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void startJobManager() throws IOException {
    JobManagerProcessSpec memory = JobManagerProcessUtils.processSpecFromConfig(config);
    List<String> jvm =
        new ArrayList<>(words(JobManagerProcessUtils.generateJvmParametersStr(memory, config)));
    List<String> args = new ArrayList<>(List.of("--configDir", settings.conf().toString()));
    args.addAll(words(JobManagerProcessUtils.generateDynamicConfigsStr(memory)));
    jobManager = launch("jobmanager", jvm, JOB_MANAGER_MAIN, args);
  }

  /**
   * Starts a TaskManager with the JVM flags and memory settings {@code bin/taskmanager.sh} would
   * compute from the configuration, under the resource id {@link #taskManagerId}; returns its
   * index.
   */
  private int launchTaskManager() throws IOException {
    int index = taskManagers.size();
    TaskExecutorProcessSpec memory = TaskExecutorProcessUtils.processSpecFromConfig(config);
    List<String> args = new ArrayList<>(List.of("--configDir", settings.conf().toString()));
    args.addAll(words(TaskExecutorProcessUtils.generateDynamicConfigsStr(memory)));
    args.addAll(
        List.of(
            "-D", TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + taskManagerId(index)));
    taskManagers.add(
        launch(
            "taskmanager-" + index,
            words(ProcessMemoryUtils.generateJvmParametersStr(memory)),
            TASK_MANAGER_MAIN,
            args));
    return index;
  }

  /**
   * Starts one more TaskManager (a replacement for a killed one, say) and returns its index once
   * the JobManager has registered it.
   */
  public int startTaskManager() throws Exception {
    int index = launchTaskManager();
    Waits.until(
        "TaskManager " + taskManagerId(index) + " registered with the JobManager",
        START_TIMEOUT,
        () -> registeredTaskManagers().contains(taskManagerId(index)));
    return index;
  }

  /**
   * Kills a TaskManager with SIGKILL, as a crash or the kernel's OOM killer would, and returns once
   * its process is gone. The JobManager learns of it through its heartbeats.
   */
  public void killTaskManager(int index) throws InterruptedException {
    taskManagers.get(index).kill();
  }

  /**
   * Submits a job jar as an operator does, {@code flink run -d -p PARALLELISM JAR ARGS}, and
   * returns its job id once all its tasks run.
   */
  public String submit(Path jobJar, int parallelism, List<String> programArgs) throws Exception {
    int n = ++submissions;
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "-d",
                "-p",
                String.valueOf(parallelism),
                jobJar.toAbsolutePath().toString()));
    args.addAll(programArgs);
    ChildProcess client = launch("flink-run-" + n, List.of("-Xmx256m"), CLI_MAIN, args);
    Waits.until("flink run to return", START_TIMEOUT, () -> !client.isAlive());
    String output = Files.readString(settings.logs().resolve("flink-run-" + n + ".out"));
    Matcher submitted = SUBMITTED.matcher(output);
    if (!submitted.find()) {
      throw new IllegalStateException("flink run submitted no job:\n" + client.tail());
    }
    String jobId = submitted.group(1);
    awaitRunning(jobId, START_TIMEOUT);
    return jobId;
  }

  /** Waits until the job and every one of its tasks run; fails at once if the job failed. */
  public void awaitRunning(String jobId, Duration timeout) throws InterruptedException {
    Waits.until("job " + jobId + " running, all its tasks too", timeout, () -> running(jobId));
  }

  private boolean running(String jobId) throws Exception {
    JsonNode job = get("/jobs/" + jobId);
    String state = job.path("state").asText();
    if (state.equals("FAILED") || state.equals("CANCELED") || state.equals("FINISHED")) {
      throw new IllegalStateException(
          "job " + jobId + " is " + state + ": " + get("/jobs/" + jobId + "/exceptions"));
    }
    if (!state.equals("RUNNING") || job.path("vertices").isEmpty()) {
      return false;
    }
    for (JsonNode vertex : job.path("vertices")) {
      if (!vertex.path("status").asText().equals("RUNNING")) {
        return false;
      }
    }
    return true;
  }

  /** The job's state as the REST API gives it: RUNNING, RESTARTING, FAILED, … */
  public String jobState(String jobId) throws Exception {
    return get("/jobs/" + jobId).path("state").asText();
  }

  /** How often the job has been restarted since it was submitted (its numRestarts metric). */
  public long restarts(String jobId) throws Exception {
    for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
      return metric.path("value").asLong();
    }
    return 0;
  }

  /** The resource ids of the TaskManagers the JobManager has registered now. */
  public Set<String> registeredTaskManagers() throws Exception {
    Set<String> ids = new HashSet<>();
    for (JsonNode tm : get("/taskmanagers").path("taskmanagers")) {
      ids.add(tm.path("id").asText());
    }
    return ids;
  }

  /** The resource ids of the TaskManagers the job's subtasks are deployed to now. */
  public Set<String> taskManagersOf(String jobId) throws Exception {
    Set<String> ids = new HashSet<>();
    for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
      String path = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers";
      for (JsonNode tm : get(path).path("taskmanagers")) {
        ids.add(tm.path("taskmanager-id").asText());
      }
    }
    return ids;
  }

  /** The resource id the TaskManager of this index registers under. */
  public static String taskManagerId(int index) {
    return "taskmanager-" + index;
  }

  public String restUrl() {
    return restUrl;
  }

  public Path checkpoints() {
    return settings.checkpoints();
  }

  /** Where each process's log ({@code NAME.log}) and output ({@code NAME.out}) are. */
  public Path logs() {
    return settings.logs();
  }

  public long jobManagerPid() {
    return jobManager.pid();
  }

  /** The process id of the TaskManager of this index (killed or not). */
  public long taskManagerPid(int index) {
    return taskManagers.get(index).pid();
  }

  /** How many TaskManagers were started, killed ones included; indexes run from 0. */
  public int taskManagerCount() {
    return taskManagers.size();
  }

  /** Stops the TaskManagers, then the JobManager (SIGTERM, then SIGKILL after 20 s). */
  @Override
  public void close() {
    taskManagers.forEach(ChildProcess::close);
    if (jobManager != null) {
      jobManager.close();
    }
  }

  /**
   * A JVM on {@code lib/*}, as {@code bin/flink} and {@code bin/*-daemon.sh} start one: Flink's
   * Java 17 options, {@code FLINK_CONF_DIR}, its log file and the log4j configuration; its output
   * to {@code NAME.out}.
   */
  private ChildProcess launch(String name, List<String> jvm, String main, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaExecutable());
    command.addAll(words(config.get(CoreOptions.FLINK_JVM_OPTIONS)));
    command.addAll(jvm);
    command.add("-Dlog.file=" + settings.logs().resolve(name + ".log"));
    command.add("-Dlog4j.configurationFile=" + settings.conf().resolve("log4j.properties").toUri());
    command.add("-cp");
    command.add(settings.lib().toAbsolutePath() + "/*");
    command.add(main);
    command.addAll(args);
    return ChildProcess.start(
        name,
        command,
        Map.of("FLINK_CONF_DIR", settings.conf().toString()),
        settings.dir(),
        settings.logs().resolve(name + ".out"));
  }

  private JsonNode get(String path) throws Exception {
    if (jobManager != null && !jobManager.isAlive()) {
      throw new IllegalStateException("the JobManager exited:\n" + jobManager.tail());
    }
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(restUrl + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  private static List<String> words(String line) {
    return line == null || line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+"));
  }
}
