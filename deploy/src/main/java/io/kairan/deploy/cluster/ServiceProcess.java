package io.kairan.deploy.cluster;

import io.kairan.deploy.stack.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kairan service (the API, push) started from its executable jar as a process of its own, as on a
 * cluster's node: killed as a crash would and started again with the same settings.
 */
public final class ServiceProcess implements AutoCloseable {
  private final String name;
  private final List<String> command;
  private final Path dir;
  private final String readinessUrl;
  private volatile ChildProcess process;

  private ServiceProcess(String name, List<String> command, Path dir, String readinessUrl) {
    this.name = name;
    this.command = command;
    this.dir = dir;
    this.readinessUrl = readinessUrl;
  }

  /**
   * Starts {@code java -jar jar args} and waits until its readiness probe answers 200.
   *
   * @param readinessUrl the probe a Kubernetes deployment would use (deploy/k8s)
   */
  public static ServiceProcess start(
      String name, Path jar, String heap, List<String> args, Path dir, String readinessUrl)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no " + name + " jar at " + jar + "; run ./mvnw install first");
    }
    Files.createDirectories(dir);
    List<String> command =
        new ArrayList<>(
            List.of(
                ChildProcess.javaExecutable(),
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Xlog:gc:file=" + dir.resolve("gc.log") + ":time",
                "-jar",
                // Absolute: the service runs in its own directory.
                jar.toAbsolutePath().toString()));
    command.addAll(args);
    ServiceProcess service = new ServiceProcess(name, List.copyOf(command), dir, readinessUrl);
    service.launch();
    return service;
  }

  private void launch() throws IOException, InterruptedException {
    // Appends: a restarted service's log follows what it wrote before it was killed.
    process = ChildProcess.start(name, command, Map.of(), dir, dir.resolve(name + ".log"), true);
    try {
      awaitReady(Duration.ofMinutes(3));
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
  }

  /**
   * Waits until the readiness probe answers 200 (the service has read what it needs); fails at
   * once, with the end of its log, when the process has exited.
   */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var request =
        HttpRequest.newBuilder(URI.create(readinessUrl)).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited:\n" + process.tail());
      }
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
        last = "readiness " + status;
      } catch (java.io.IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        name + " not ready at " + readinessUrl + " after " + timeout + " (" + last + ")");
  }

  /** Kills the service as a crash would (SIGKILL): no shutdown hook, nothing flushed. */
  public void kill() throws InterruptedException {
    process.kill();
  }

  /** Starts the service again with the same jar and settings, after {@link #kill}. */
  public void restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch();
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  public Path log() {
    return dir.resolve(name + ".log");
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }
}
