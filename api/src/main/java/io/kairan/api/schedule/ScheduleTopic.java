package io.kairan.api.schedule;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The API's own topic: created compacted at start when missing (Spring's KafkaAdmin creates the
 * declared topics), so the latest record per notice stays however long it waits.
 */
@Configuration
class ScheduleTopic {
  @Bean
  NewTopic scheduledNotices() {
    return TopicBuilder.name(ScheduleBook.TOPIC).partitions(1).compact().build();
  }
}
