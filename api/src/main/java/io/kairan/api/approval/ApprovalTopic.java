package io.kairan.api.approval;

import io.kairan.api.kafka.OwnTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own topic for approvals, created compacted at start when missing (Spring's KafkaAdmin
 * creates the declared topics): the latest record per notice stays, however long it waits.
 */
@Configuration
class ApprovalTopic {
  @Bean
  NewTopic approvals() {
    return OwnTopics.declare(ApprovalBook.TOPIC);
  }
}
