package io.kairan.api.rules;

import io.kairan.api.kafka.FollowedTopicTask;
import io.kairan.api.kafka.OwnTopics;
import io.kairan.api.kafka.TopicReplay;
import io.kairan.model.Topics;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own rules.history.v1, created compacted at start when missing (each entry has its own
 * key, so compaction keeps every one), read whole at start beside rules.v1; every second a slot
 * whose latest entry is not on rules.v1 yet gets it ({@link RulePublishing#completePending}).
 */
@Configuration
class RuleTopics {
  @Bean
  NewTopic ruleHistoryTopic() {
    return OwnTopics.declare(RuleHistory.TOPIC);
  }

  @Bean
  FollowedTopicTask ruleHistoryFollower(
      RuleHistory history, RulePublishing publishing, KafkaProperties kafka) {
    return new FollowedTopicTask(
        replay(
            RuleHistory.TOPIC,
            "kairan-api-rule-history",
            kafka,
            r -> history.accept(r.key(), r.value()),
            history::markCaughtUp),
        "rule-publications",
        publishing::completePending);
  }

  @Bean
  FollowedTopicTask rulesOnTopicFollower(RulesOnTopic onTopic, KafkaProperties kafka) {
    return new FollowedTopicTask(
        replay(
            Topics.RULES, "kairan-api-rule-slots", kafka, onTopic::accept, onTopic::markCaughtUp),
        "rule-slots",
        () -> {});
  }

  private static TopicReplay replay(
      String topic,
      String clientId,
      KafkaProperties kafka,
      Consumer<ConsumerRecord<String, String>> apply,
      Runnable caughtUp) {
    return new TopicReplay(topic, clientId, kafka, TopicReplay.Reader.of(apply, caughtUp));
  }
}
