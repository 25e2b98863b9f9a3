package io.kairan.deploy.kafka;

import io.kairan.deploy.stack.ChildProcess;
import io.kairan.deploy.stack.Waits;
import io.kairan.deploy.topics.TopicSetup;
import io.kairan.model.TopicDefinition;
import io.kairan.model.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft broker (broker and controller in one process) on loopback: a single node for the local
 * stack, or one of a {@link KafkaCluster}'s voters. It can be killed as a crash would and started
 * again on the same log directory.
 */
public final class KafkaBroker implements AutoCloseable {
  public static final int PARTITIONS = 4;
  private final List<String> command;
  private final Path workDir;
  private final int port;
  private final int nodeId;
  private volatile ChildProcess process;

  private KafkaBroker(List<String> command, Path workDir, int port, int nodeId) {
    this.command = command;
    this.workDir = workDir;
    this.port = port;
    this.nodeId = nodeId;
  }

  /**
   * Where a node listens and who votes for the controller: {@code voters} is Kafka's {@code
   * controller.quorum.voters} ({@code id@host:port,...}), {@code replication} the replication of
   * Kafka's own topics (offsets, transactions), at most the number of voters.
   */
  public record Node(int id, int port, int controllerPort, String voters, int replication) {
    static Node single(int port, int controllerPort) {
      return new Node(1, port, controllerPort, "1@127.0.0.1:" + controllerPort, 1);
    }
  }

  /**
   * A second listener, for clients that must authenticate: SASL/SCRAM-SHA-512 with one user
   * (created when the storage is formatted), over TLS with the given PKCS12 key store when there is
   * one (SASL_SSL), else in plain text (SASL_PLAINTEXT). The broker itself keeps using the
   * PLAINTEXT listener between its own parts.
   */
  public record SecureListener(
      int port, String user, String password, Path keyStore, String keyStorePassword) {
    public static final String MECHANISM = "SCRAM-SHA-512";

    public String protocol() {
      return keyStore == null ? "SASL_PLAINTEXT" : "SASL_SSL";
    }

    public String bootstrapServers() {
      return "127.0.0.1:" + port;
    }

    private List<String> brokerSettings() {
      List<String> lines =
          new ArrayList<>(
              List.of(
                  "sasl.enabled.mechanisms=" + MECHANISM,
                  "listener.name.secure.sasl.enabled.mechanisms=" + MECHANISM,
                  "listener.name.secure.scram-sha-512.sasl.jaas.config="
                      + "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
      if (keyStore != null) {
        lines.addAll(
            List.of(
                "listener.name.secure.ssl.keystore.location=" + keyStore,
                "listener.name.secure.ssl.keystore.password=" + keyStorePassword,
                "listener.name.secure.ssl.keystore.type=PKCS12"));
      }
      return lines;
    }
  }

  public static KafkaBroker start(Path workDir, int port, int controllerPort)
      throws IOException, InterruptedException {
    return start(workDir, port, controllerPort, null);
  }

  /** With a {@link SecureListener} too, when one is given. */
  public static KafkaBroker start(Path workDir, int port, int controllerPort, SecureListener secure)
      throws IOException, InterruptedException {
    KafkaBroker broker =
        launch(workDir, Node.single(port, controllerPort), Uuid.randomUuid().toString(), secure);
    broker.awaitUp();
    return broker;
  }

  /**
   * Formats the node's storage (once: a restart keeps its log) and starts its process without
   * waiting: a voter of a quorum cannot come up before a majority of the others has started.
   */
  static KafkaBroker launch(Path workDir, Node node, String clusterId, SecureListener secure)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path properties = workDir.resolve("server.properties");
    String listeners = "PLAINTEXT://127.0.0.1:" + node.port();
    String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
    if (secure != null) {
      listeners += ",SECURE://127.0.0.1:" + secure.port();
      protocols += ",SECURE:" + secure.protocol();
    }
    int replication = node.replication();
    int minInSync = Math.min(2, replication);
    List<String> settings =
        new ArrayList<>(
            List.of(
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + node.voters(),
                "listeners=" + listeners + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                "advertised.listeners=" + listeners,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=" + protocols,
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=" + PARTITIONS,
                "default.replication.factor=" + replication,
                "offsets.topic.replication.factor=" + replication,
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "group.initial.rebalance.delay.ms=0",
                // The cleaner's default 128 MiB buffer is far more than a laptop stack needs.
                "log.cleaner.dedupe.buffer.size=8388608",
                "auto.create.topics.enable=false"));
    if (replication > 1) {
      // A broker killed mid-stream is noticed in seconds, not after the default 9 s session.
      settings.addAll(
          List.of("broker.session.timeout.ms=6000", "broker.heartbeat.interval.ms=1000"));
    }
    if (secure != null) {
      settings.addAll(secure.brokerSettings());
    }
    Files.writeString(properties, String.join("\n", settings) + "\n");
    String cp = ChildProcess.classpath();
    String java = ChildProcess.javaExecutable();
    if (!Files.exists(workDir.resolve("data").resolve("meta.properties"))) {
      List<String> format =
          new ArrayList<>(
              List.of(
                  java,
                  "-cp",
                  cp,
                  "kafka.tools.StorageTool",
                  "format",
                  "-t",
                  clusterId,
                  "-c",
                  properties.toString()));
      if (secure != null) {
        // In KRaft the user's SCRAM credential is a record of the metadata log from the start.
        format.addAll(
            List.of(
                "--add-scram",
                SecureListener.MECHANISM
                    + "=[name="
                    + secure.user()
                    + ",password="
                    + secure.password()
                    + "]"));
      }
      ChildProcess.run("kafka-format", format, Map.of(), workDir, Duration.ofMinutes(2));
    }
    // The broker logs through the classpath's logback: INFO to its own file, not DEBUG.
    Path logging = workDir.resolve("logback.xml");
    Files.writeString(
        logging,
        """
        <configuration>
          <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="out"/></root>
        </configuration>
        """);
    List<String> command =
        List.of(
            java,
            "-Xms256m",
            "-Xmx768m",
            "-XX:+UseG1GC",
            "-Dlogback.configurationFile=" + logging,
            "-cp",
            cp,
            "kafka.Kafka",
            properties.toString());
    KafkaBroker broker = new KafkaBroker(command, workDir, node.port(), node.id());
    broker.startProcess();
    return broker;
  }

  private void startProcess() throws IOException {
    // Appends: a restarted node's log follows what it wrote before it was killed.
    process =
        ChildProcess.start(
            "kafka-" + nodeId, command, Map.of(), workDir, workDir.resolve("kafka.log"), true);
  }

  /** Waits until this node answers as part of a cluster; stops it if it does not come up. */
  void awaitUp() throws InterruptedException {
    try {
      Waits.until(
          "Kafka on port " + port,
          Duration.ofSeconds(90),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Kafka exited:\n" + process.tail());
            }
            try (Admin admin = admin()) {
              return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
          });
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
  }

  /** Kills the broker as a crash would (SIGKILL): nothing flushed, no controlled shutdown. */
  public void kill() throws InterruptedException {
    process.kill();
  }

  /** Starts the node again on the log it had, after {@link #kill}. */
  public void restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("broker " + nodeId + " is still running");
    }
    startProcess();
    awaitUp();
  }

  public int nodeId() {
    return nodeId;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Admin admin() {
    return admin(bootstrapServers());
  }

  /** An admin client that gives up within seconds: the stack's tools poll, they do not wait. */
  static Admin admin(String bootstrapServers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000));
  }

  /**
   * The offsets a consumer group has committed on a topic, summed over partitions. The Flink job
   * commits on each completed checkpoint, so this is how far a restore would start from.
   */
  public long committed(String group, String topic) throws Exception {
    try (Admin admin = admin()) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  /**
   * Creates Kairan's topics that do not exist yet from the one definition ({@link
   * Topics#definitions}: {@link #PARTITIONS} partitions, the API's books one, one replica), as the
   * topics command does on a real cluster.
   */
  public void createTopics() throws Exception {
    try (Admin admin = admin()) {
      createTopics(admin, Topics.definitions(PARTITIONS, 1), List.of(nodeId));
    }
  }

  /**
   * Creates the topics that do not exist yet and waits until every broker named holds a log for
   * each of their partitions: a producer that writes before the broker has opened the partition's
   * log gets NOT_LEADER_OR_FOLLOWER, and an idempotent one can then stick on sequence errors.
   */
  static void createTopics(Admin admin, List<TopicDefinition> definitions, List<Integer> brokers)
      throws Exception {
    TopicSetup.apply(admin, definitions, false);
    Set<String> wanted = new java.util.HashSet<>();
    definitions.forEach(
        d -> {
          for (int p = 0; p < d.partitions(); p++) {
            wanted.add(d.name() + "-" + p);
          }
        });
    Waits.until(
        "every partition ready",
        Duration.ofSeconds(60),
        () -> {
          var descriptions = admin.describeLogDirs(brokers).allDescriptions().get();
          for (int broker : brokers) {
            Set<String> ready = new java.util.HashSet<>();
            descriptions
                .get(broker)
                .values()
                .forEach(
                    d ->
                        d.replicaInfos()
                            .keySet()
                            .forEach(tp -> ready.add(tp.topic() + "-" + tp.partition())));
            if (!ready.containsAll(wanted)) {
              return false;
            }
          }
          return true;
        });
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }
}
