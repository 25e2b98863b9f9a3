package io.kairan.deploy.kafka;

import io.kairan.deploy.stack.Ports;
import io.kairan.model.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of voters, each broker and controller in a process of its own on loopback, as a
 * city runs three: every topic replicated to all of them with {@code min.insync.replicas=2}, so one
 * broker can die without losing a write that was acknowledged.
 */
public final class KafkaCluster implements AutoCloseable {
  private final List<KafkaBroker> brokers;

  private KafkaCluster(List<KafkaBroker> brokers) {
    this.brokers = brokers;
  }

  /** Starts {@code size} voters on free ports, then waits for each to join the quorum. */
  public static KafkaCluster start(Path dir, int size) throws Exception {
    List<KafkaBroker.Node> nodes = new ArrayList<>();
    List<Integer> controllerPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      controllerPorts.add(Ports.free());
    }
    String voters =
        java.util.stream.IntStream.range(0, size)
            .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
            .collect(Collectors.joining(","));
    for (int i = 0; i < size; i++) {
      nodes.add(new KafkaBroker.Node(i + 1, Ports.free(), controllerPorts.get(i), voters, size));
    }
    String clusterId = Uuid.randomUuid().toString();
    List<KafkaBroker> brokers = new ArrayList<>();
    KafkaCluster cluster = new KafkaCluster(brokers);
    try {
      for (KafkaBroker.Node node : nodes) {
        brokers.add(KafkaBroker.launch(dir.resolve("kafka-" + node.id()), node, clusterId, null));
      }
      for (KafkaBroker broker : brokers) {
        broker.awaitUp();
      }
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Every broker's address: a client finds the cluster through any one that is alive. */
  public String bootstrapServers() {
    return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
  }

  public List<KafkaBroker> brokers() {
    return List.copyOf(brokers);
  }

  public Admin admin() {
    return KafkaBroker.admin(bootstrapServers());
  }

  /**
   * Kairan's topics from the one definition, replicated to every broker ({@code
   * min.insync.replicas} 2 comes with three replicas).
   */
  public void createTopics(int partitions) throws Exception {
    try (Admin admin = admin()) {
      KafkaBroker.createTopics(
          admin,
          Topics.definitions(partitions, brokers.size()),
          brokers.stream().map(KafkaBroker::nodeId).toList());
    }
  }

  /** The broker that leads a partition now, as the cluster's metadata says. */
  public KafkaBroker leaderOf(String topic, int partition) throws Exception {
    try (Admin admin = admin()) {
      int leader =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .get(partition)
              .leader()
              .id();
      return brokers.stream().filter(b -> b.nodeId() == leader).findFirst().orElseThrow();
    }
  }

  @Override
  public void close() {
    brokers.forEach(KafkaBroker::close);
  }
}
