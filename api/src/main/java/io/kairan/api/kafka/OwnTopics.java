package io.kairan.api.kafka;

import io.kairan.model.Topics;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The API's own topics, declared for Spring's KafkaAdmin (which creates those missing at start)
 * from the one definition in {@link Topics}: one partition and the topic's configuration; replicas
 * and {@code min.insync.replicas} are the cluster's defaults, or what the topics command
 * (deploy/topics.sh) set.
 */
public final class OwnTopics {
  private OwnTopics() {}

  public static NewTopic declare(String topic) {
    if (!Topics.SINGLE_PARTITION.contains(topic)) {
      throw new IllegalArgumentException(topic + " is not one of the API's one-partition books");
    }
    return new NewTopic(topic, Optional.of(1), Optional.empty()).configs(Topics.configOf(topic));
  }
}
