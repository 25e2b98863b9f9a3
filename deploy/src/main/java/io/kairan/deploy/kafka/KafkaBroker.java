package io.kairan.deploy.kafka;

import io.kairan.deploy.stack.ChildProcess;
import io.kairan.deploy.stack.Waits;
import io.kairan.deploy.topics.TopicSetup;
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

/** A single-node KRaft broker (broker and controller in one process) on loopback. */
public final class KafkaBroker implements AutoCloseable {
  public static final int PARTITIONS = 4;
  private final ChildProcess process;
  private final int port;

  private KafkaBroker(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
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
    Files.createDirectories(workDir);
    Path properties = workDir.resolve("server.properties");
    String listeners = "PLAINTEXT://127.0.0.1:" + port;
    String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
    if (secure != null) {
      listeners += ",SECURE://127.0.0.1:" + secure.port();
      protocols += ",SECURE:" + secure.protocol();
    }
    List<String> settings =
        new ArrayList<>(
            List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listeners + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + listeners,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=" + protocols,
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The cleaner's default 128 MiB buffer is far more than a laptop stack needs.
                "log.cleaner.dedupe.buffer.size=8388608",
                "auto.create.topics.enable=false"));
    if (secure != null) {
      settings.addAll(secure.brokerSettings());
    }
    Files.writeString(properties, String.join("\n", settings) + "\n");
    String cp = ChildProcess.classpath();
    String java = ChildProcess.javaExecutable();
    Map<String, String> env = Map.of();
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
                  Uuid.randomUuid().toString(),
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
      ChildProcess.run("kafka-format", format, env, workDir, Duration.ofMinutes(2));
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
        new ArrayList<>(
            List.of(
                java,
                "-Xms256m",
                "-Xmx768m",
                "-XX:+UseG1GC",
                "-Dlogback.configurationFile=" + logging,
                "-cp",
                cp,
                "kafka.Kafka",
                properties.toString()));
    ChildProcess process =
        ChildProcess.start("kafka", command, env, workDir, workDir.resolve("kafka.log"));
    KafkaBroker broker = new KafkaBroker(process, port);
    try {
      Waits.until(
          "Kafka on port " + port,
          Duration.ofSeconds(90),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Kafka exited:\n" + process.tail());
            }
            try (Admin admin = broker.admin()) {
              return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
          });
    } catch (RuntimeException | InterruptedException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
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
    var definitions = Topics.definitions(PARTITIONS, 1);
    try (Admin admin = admin()) {
      TopicSetup.apply(admin, definitions, false);
      // A producer that writes before the broker has opened the partition's log gets
      // NOT_LEADER_OR_FOLLOWER, and an idempotent one can then stick on sequence errors: wait
      // until the broker holds a log for every partition.
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
            var dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get().get(1);
            Set<String> ready = new java.util.HashSet<>();
            dirs.values()
                .forEach(
                    d ->
                        d.replicaInfos()
                            .keySet()
                            .forEach(tp -> ready.add(tp.topic() + "-" + tp.partition())));
            return ready.containsAll(wanted);
          });
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
