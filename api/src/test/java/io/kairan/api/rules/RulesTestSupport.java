package io.kairan.api.rules;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The rule slots and their history for slice tests: the real history, slots and publishing, both
 * topics counted as read to their end and empty (tests publish what they need).
 */
@TestConfiguration
@Import(RulePublishing.class)
public class RulesTestSupport {
  @Bean
  RuleHistory ruleHistory() {
    RuleHistory history = new RuleHistory();
    history.markCaughtUp();
    return history;
  }

  @Bean
  RulesOnTopic rulesOnTopic() {
    RulesOnTopic slots = new RulesOnTopic();
    slots.markCaughtUp();
    return slots;
  }
}
