package io.kairan.deploy.kafka;

import io.kairan.deploy.stack.ChildProcess;
import io.kairan.deploy.stack.Waits;
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
import org.apache.kafka.clients.admin.NewTopic;
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

  public static KafkaBroker start(Path workDir, int port, int controllerPort)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path properties = workDir.resolve("server.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
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
            "auto.create.topics.enable=false",
            ""));
    String cp = ChildProcess.classpath();
    String java = ChildProcess.javaExecutable();
    Map<String, String> env = Map.of();
    if (!Files.exists(workDir.resolve("data").resolve("meta.properties"))) {
      ChildProcess.run(
          "kafka-format",
          List.of(
              java,
              "-cp",
              cp,
              "kafka.tools.StorageTool",
              "format",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              properties.toString()),
          env,
          workDir,
          Duration.ofMinutes(2));
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

  /** Creates Kairan's topics that do not exist yet, each with {@link Topics#configOf}. */
  public void createTopics() throws Exception {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : Topics.all()) {
        if (!existing.contains(topic)) {
          NewTopic newTopic = new NewTopic(topic, PARTITIONS, (short) 1);
          // Compacted, or deleted after the stated retention for the logs that name residents.
          newTopic.configs(Topics.configOf(topic));
          missing.add(newTopic);
        }
      }
      admin.createTopics(missing).all().get();
      // A producer that writes before the broker has opened the partition's log gets
      // NOT_LEADER_OR_FOLLOWER, and an idempotent one can then stick on sequence errors: wait
      // until the broker holds a log for every partition.
      Set<String> wanted = new java.util.HashSet<>(Topics.all());
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
            return wanted.stream()
                .allMatch(
                    t ->
                        java.util.stream.IntStream.range(0, PARTITIONS)
                            .allMatch(p -> ready.contains(t + "-" + p)));
          });
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
