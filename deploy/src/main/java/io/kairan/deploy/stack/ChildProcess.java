package io.kairan.deploy.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server started as a child process, its output in a log file, stopped with its descendants. */
public final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path workDir, Path log)
      throws IOException {
    return start(name, command, env, workDir, log, false);
  }

  /** With {@code append}, the log keeps what an earlier run of the same server wrote. */
  public static ChildProcess start(
      String name,
      List<String> command,
      Map<String, String> env,
      Path workDir,
      Path log,
      boolean append)
      throws IOException {
    return new ChildProcess(name, launch(command, env, workDir, log, append), log);
  }

  /** Runs a command to completion; fails with its output when it does not exit 0. */
  public static void run(
      String name, List<String> command, Map<String, String> env, Path workDir, Duration timeout)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(workDir, name, ".log");
    Process p = launch(command, env, workDir, log, false);
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(name + " failed: " + Files.readString(log));
    }
  }

  /** Output and errors of the child go to its log file, never to the parent's console. */
  private static Process launch(
      List<String> command, Map<String, String> env, Path workDir, Path log, boolean append)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                append
                    ? ProcessBuilder.Redirect.appendTo(log.toFile())
                    : ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    return builder.start();
  }

  public long pid() {
    return process.pid();
  }

  /**
   * The process of the wrapper's descendants whose command line names {@code mainClass} (the
   * server's JVM under runuser or a launcher); the process itself if none does.
   */
  public long pidOf(String mainClass) {
    return process
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(mainClass))
        .map(ProcessHandle::pid)
        .findFirst()
        .orElse(process.pid());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String name() {
    return name;
  }

  /** The last lines of the log, for an error message. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(
          System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static String classpath() throws IOException {
    String file = System.getProperty("kairan.classpath.file");
    if (file != null && Files.exists(Path.of(file))) {
      return Files.readString(Path.of(file)).trim();
    }
    return System.getProperty("java.class.path");
  }

  /**
   * Kills the process and its descendants at once (SIGKILL), as a crash or the kernel's OOM killer
   * would: no shutdown hook runs, nothing is flushed or cancelled. Returns once they are gone.
   */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * Sends a signal ({@code STOP}, {@code CONT}) to the process and its descendants: a server
   * started through runuser or a launcher script is a grandchild.
   */
  public void signal(String signal) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("kill", "-s", signal));
    command.add(String.valueOf(process.pid()));
    process.descendants().forEach(d -> command.add(String.valueOf(d.pid())));
    Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException(
          "kill -s "
              + signal
              + " "
              + name
              + ": "
              + new String(kill.getInputStream().readAllBytes()));
    }
  }

  @Override
  public void close() {
    // Stop the descendants too: a server started through runuser is a grandchild.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String pathSeparator() {
    return File.pathSeparator;
  }
}
