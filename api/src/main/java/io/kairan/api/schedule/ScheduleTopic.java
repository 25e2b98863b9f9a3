package io.kairan.api.schedule;

import io.kairan.api.kafka.OwnTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own topic: created compacted at start when missing (Spring's KafkaAdmin creates the
 * declared topics), so the latest record per notice stays however long it waits.
 */
@Configuration
class ScheduleTopic {
  @Bean
  NewTopic scheduledNotices() {
    return OwnTopics.declare(ScheduleBook.TOPIC);
  }
}
