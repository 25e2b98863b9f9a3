package io.kairan.deploy.elasticsearch;

import static java.util.stream.Collectors.joining;

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
    ElasticsearchServer server =
        launch(
            distribution,
            workDir,
            port,
            heap,
            "kairan-local-1",
            List.of("transport.port: 0", "discovery.type: single-node"));
    server.awaitHealthy();
    return server;
  }

  /**
   * Starts the nodes of one cluster on loopback, each its own process with its own data, then waits
   * until the cluster is formed: a node alone cannot elect a master the others vote for.
   */
  public static List<ElasticsearchServer> startCluster(
      Path distribution, Path workDir, int nodes, String heap)
      throws IOException, InterruptedException {
    List<Integer> transportPorts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      transportPorts.add(io.kairan.deploy.stack.Ports.free());
      names.add("kairan-" + i);
    }
    String seeds =
        transportPorts.stream().map(p -> "\"127.0.0.1:" + p + "\"").collect(joining(", "));
    String masters = names.stream().map(n -> "\"" + n + "\"").collect(joining(", "));
    List<ElasticsearchServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < nodes; i++) {
        servers.add(
            launch(
                distribution,
                workDir.resolve(names.get(i)),
                io.kairan.deploy.stack.Ports.free(),
                heap,
                names.get(i),
                List.of(
                    "transport.port: " + transportPorts.get(i),
                    "discovery.seed_hosts: [" + seeds + "]",
                    "cluster.initial_master_nodes: [" + masters + "]")));
      }
      for (ElasticsearchServer server : servers) {
        server.awaitHealthy();
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      servers.forEach(ElasticsearchServer::close);
      throw e;
    }
    return servers;
  }

  private static ElasticsearchServer launch(
      Path distribution,
      Path workDir,
      int port,
      String heap,
      String nodeName,
      List<String> discovery)
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
            "node.name: " + nodeName,
            "path.data: " + data,
            "path.logs: " + logs,
            "network.host: 127.0.0.1",
            "http.port: " + port,
            String.join("\n", discovery),
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
    return new ElasticsearchServer(process, port);
  }

  private void awaitHealthy() throws InterruptedException {
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
                        URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          });
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
  }

  /**
   * Freezes the node (SIGSTOP to it and its children): it neither answers nor closes a connection,
   * as a node hung in a long pause or cut off by the network; {@link #resume} thaws it.
   */
  public void pause() throws IOException, InterruptedException {
    process.signal("STOP");
  }

  public void resume() throws IOException, InterruptedException {
    process.signal("CONT");
  }

  /** The server's JVM (under root the process started is runuser, and the server its child). */
  public long pid() {
    return process.pidOf("org.elasticsearch.bootstrap.Elasticsearch");
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
