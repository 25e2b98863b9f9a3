package io.kairan.deploy.elasticsearch;

import io.kairan.deploy.stack.ChildProcess;
import io.kairan.deploy.stack.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Elasticsearch node on loopback. Elasticsearch refuses to run as root, so under root the
 * distribution is copied to a directory owned by an unprivileged user ({@value #USER}), created if
 * missing, and started as that user.
 */
public final class ElasticsearchServer implements AutoCloseable {
  static final String USER = "kairan";
  private final ChildProcess process;
  private final int port;

  private ElasticsearchServer(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * @param distribution the unpacked server (deploy/target/elasticsearch-VERSION)
   * @param workDir a directory for this node's copy, data and logs; outside any root-only home
   */
  public static ElasticsearchServer start(Path distribution, Path workDir, int port, String heap)
      throws IOException, InterruptedException {
    if (!Files.isDirectory(distribution.resolve("bin"))) {
      throw new IOException(
          "no Elasticsearch at " + distribution + "; run the build first (./mvnw install)");
    }
    Path home = workDir.resolve("home");
    if (!Files.exists(home)) {
      copy(distribution, home);
    }
    Path data = Files.createDirectories(workDir.resolve("data"));
    Path logs = Files.createDirectories(workDir.resolve("logs"));
    Path tmp = Files.createDirectories(workDir.resolve("tmp"));
    Files.writeString(
        home.resolve("config/elasticsearch.yml"),
        String.join(
            "\n",
            "cluster.name: kairan-local",
            "node.name: kairan-local-1",
            "path.data: " + data,
            "path.logs: " + logs,
            "network.host: 127.0.0.1",
            "http.port: " + port,
            "transport.port: 0",
            "discovery.type: single-node",
            // A shared CI disk can be nearly full; the local node must still accept writes.
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "action.auto_create_index: false",
            // Loopback only and no credentials to hand out locally; production runs ECK with TLS.
            "xpack.security.enabled: false",
            ""));
    Map<String, String> env =
        Map.of(
            "ES_JAVA_HOME",
            System.getProperty("java.home"),
            "ES_JAVA_OPTS",
            "-Xms" + heap + " -Xmx" + heap,
            "ES_TMPDIR",
            tmp.toString(),
            "CLI_JAVA_OPTS",
            "-Djava.io.tmpdir=" + tmp);
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      ensureUser();
      ChildProcess.run(
          "chown",
          List.of("chown", "-R", USER + ":" + USER, workDir.toString()),
          Map.of(),
          workDir,
          Duration.ofMinutes(2));
      // runuser resets the environment; env(1) hands ours over explicitly.
      command.addAll(List.of("runuser", "-u", USER, "--", "env"));
      env.forEach((k, v) -> command.add(k + "=" + v));
    }
    command.add(home.resolve("bin/elasticsearch").toString());
    ChildProcess process =
        ChildProcess.start(
            "elasticsearch", command, env, workDir, workDir.resolve("elasticsearch.out"));
    ElasticsearchServer server = new ElasticsearchServer(process, port);
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      Waits.until(
          "Elasticsearch on port " + port,
          Duration.ofSeconds(180),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Elasticsearch exited:\n" + process.tail());
            }
            var request =
                HttpRequest.newBuilder(
                        URI.create(
                            server.url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          });
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void ensureUser() throws IOException, InterruptedException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      ChildProcess.run("id", List.of("id", "-u", USER), Map.of(), tmp, Duration.ofSeconds(10));
    } catch (IOException missing) {
      ChildProcess.run(
          "useradd",
          List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER),
          Map.of(),
          tmp,
          Duration.ofSeconds(30));
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
