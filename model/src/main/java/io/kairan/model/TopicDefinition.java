package io.kairan.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A topic as it is created on a cluster: its partitions, replicas and configuration, {@code
 * min.insync.replicas} included (from {@link Topics#definitions}).
 */
public record TopicDefinition(
    String name, int partitions, int replicationFactor, Map<String, String> config) {
  public TopicDefinition {
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException(
          name
              + ": partitions and replicas must be at least 1, not "
              + partitions
              + " and "
              + replicationFactor);
    }
    config = Map.copyOf(config);
  }

  /**
   * {@code configOf} with the in-sync replicas an acks=all write needs: two of three (a broker may
   * be down and writes go on, yet no acknowledged record lives on one disk only), one on a
   * one-broker cluster.
   */
  static TopicDefinition of(
      String name, int partitions, int replication, Map<String, String> config) {
    Map<String, String> all = new TreeMap<>(config);
    all.put("min.insync.replicas", String.valueOf(minInSyncReplicas(replication)));
    return new TopicDefinition(name, partitions, replication, all);
  }

  /** Two when there are three or more replicas, else one less than the replicas, at least one. */
  public static int minInSyncReplicas(int replication) {
    return Math.max(1, Math.min(2, replication - 1));
  }
}
