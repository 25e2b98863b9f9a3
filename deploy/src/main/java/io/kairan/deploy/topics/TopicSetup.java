package io.kairan.deploy.topics;

import io.kairan.deploy.stack.Waits;
import io.kairan.model.TopicDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Brings a cluster's topics to their definition: creates the missing ones, and finds (or, asked to,
 * alters) those whose partitions or configuration differ. Idempotent: a second run on a cluster
 * that matches changes nothing. Replicas are only reported: moving replicas is a reassignment, an
 * operator's decision, not a side effect.
 */
public final class TopicSetup {
  private TopicSetup() {}

  /** One way a topic differs from its definition, and whether it was altered to match. */
  public record Difference(
      String topic, String what, String actual, String defined, boolean altered) {
    /**
     * e.g. "profiles.v1: cleanup.policy is delete, defined compact" (as found, before altering).
     */
    @Override
    public String toString() {
      return "%s: %s is %s, defined %s".formatted(topic, what, actual, defined);
    }
  }

  /** What a run did. */
  public record Outcome(List<TopicDefinition> created, List<Difference> differences) {
    /** Whether the cluster now matches the definition (nothing differs that was not altered). */
    public boolean matches() {
      return differences.stream().allMatch(Difference::altered);
    }
  }

  public static Outcome apply(Admin admin, Collection<TopicDefinition> definitions, boolean alter)
      throws InterruptedException, ExecutionException {
    Set<String> existing = admin.listTopics().names().get();
    List<TopicDefinition> missing =
        definitions.stream().filter(d -> !existing.contains(d.name())).toList();
    if (!missing.isEmpty()) {
      admin
          .createTopics(
              missing.stream()
                  .map(
                      d ->
                          new NewTopic(d.name(), d.partitions(), (short) d.replicationFactor())
                              .configs(d.config()))
                  .toList())
          .all()
          .get();
    }
    List<TopicDefinition> present =
        definitions.stream().filter(d -> existing.contains(d.name())).toList();
    List<Difference> differences = new ArrayList<>();
    if (!present.isEmpty()) {
      differences.addAll(partitionsAndReplicas(admin, present, alter));
      differences.addAll(configs(admin, present, alter));
    }
    return new Outcome(missing, differences);
  }

  private static List<Difference> partitionsAndReplicas(
      Admin admin, List<TopicDefinition> present, boolean alter)
      throws InterruptedException, ExecutionException {
    Map<String, TopicDescription> described =
        admin
            .describeTopics(present.stream().map(TopicDefinition::name).toList())
            .allTopicNames()
            .get();
    List<Difference> differences = new ArrayList<>();
    Map<String, NewPartitions> grow = new HashMap<>();
    for (TopicDefinition d : present) {
      TopicDescription actual = described.get(d.name());
      int partitions = actual.partitions().size();
      if (partitions != d.partitions()) {
        // Kafka adds partitions but never removes one; and adding moves keys to other partitions.
        boolean canGrow = alter && partitions < d.partitions();
        if (canGrow) {
          grow.put(d.name(), NewPartitions.increaseTo(d.partitions()));
        }
        differences.add(
            new Difference(
                d.name(),
                "partitions",
                String.valueOf(partitions),
                String.valueOf(d.partitions()),
                canGrow));
      }
      int replicas = actual.partitions().get(0).replicas().size();
      if (replicas != d.replicationFactor()) {
        differences.add(
            new Difference(
                d.name(),
                "replication factor",
                String.valueOf(replicas),
                d.replicationFactor() + " (reassign with kafka-reassign-partitions)",
                false));
      }
    }
    if (!grow.isEmpty()) {
      admin.createPartitions(grow).all().get();
      Waits.until(
          "the added partitions in effect",
          Duration.ofSeconds(30),
          () ->
              admin.describeTopics(grow.keySet()).allTopicNames().get().entrySet().stream()
                  .allMatch(
                      t -> t.getValue().partitions().size() == grow.get(t.getKey()).totalCount()));
    }
    return differences;
  }

  private static List<Difference> configs(Admin admin, List<TopicDefinition> present, boolean alter)
      throws InterruptedException, ExecutionException {
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    List<Difference> differences = configDifferences(admin, present, alter, changes);
    if (alter && !changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get();
      // The controller has taken the change; a broker answers with it a moment later. Only then
      // is "altered" true, and a run right after finds nothing to do.
      List<TopicDefinition> altered =
          present.stream().filter(d -> changes.containsKey(resource(d.name()))).toList();
      Waits.until(
          "the altered configuration in effect",
          Duration.ofSeconds(30),
          () -> configDifferences(admin, altered, false, new HashMap<>()).isEmpty());
    }
    return differences;
  }

  private static ConfigResource resource(String topic) {
    return new ConfigResource(ConfigResource.Type.TOPIC, topic);
  }

  /** Each configuration difference, and into {@code changes} the operations that remove it. */
  private static List<Difference> configDifferences(
      Admin admin,
      List<TopicDefinition> present,
      boolean alter,
      Map<ConfigResource, Collection<AlterConfigOp>> changes)
      throws InterruptedException, ExecutionException {
    Map<ConfigResource, TopicDefinition> resources = new HashMap<>();
    present.forEach(d -> resources.put(resource(d.name()), d));
    Map<ConfigResource, Config> described = admin.describeConfigs(resources.keySet()).all().get();
    List<Difference> differences = new ArrayList<>();
    for (var e : resources.entrySet()) {
      TopicDefinition d = e.getValue();
      Map<String, String> overrides = new TreeMap<>();
      for (ConfigEntry entry : described.get(e.getKey()).entries()) {
        if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
          overrides.put(entry.name(), entry.value());
        }
      }
      List<AlterConfigOp> ops = new ArrayList<>();
      for (var defined : new TreeMap<>(d.config()).entrySet()) {
        String actual = overrides.get(defined.getKey());
        if (!defined.getValue().equals(actual)) {
          ops.add(
              new AlterConfigOp(
                  new ConfigEntry(defined.getKey(), defined.getValue()), AlterConfigOp.OpType.SET));
          differences.add(
              new Difference(
                  d.name(),
                  defined.getKey(),
                  actual == null ? "the broker's default" : actual,
                  defined.getValue(),
                  alter));
        }
      }
      for (var extra : overrides.entrySet()) {
        if (!d.config().containsKey(extra.getKey())) {
          ops.add(
              new AlterConfigOp(new ConfigEntry(extra.getKey(), ""), AlterConfigOp.OpType.DELETE));
          differences.add(
              new Difference(
                  d.name(), extra.getKey(), extra.getValue(), "the broker's default", alter));
        }
      }
      if (!ops.isEmpty()) {
        changes.put(e.getKey(), ops);
      }
    }
    return differences;
  }
}
