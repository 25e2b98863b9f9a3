package io.kairan.api.email;

import io.kairan.api.kafka.BookReplay;
import io.kairan.model.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The addresses' topic (push reads it too): created compacted when missing, read whole, followed.
 */
@Configuration
class EmailTopic {
  @Bean
  NewTopic emails() {
    return TopicBuilder.name(Topics.EMAILS)
        .partitions(1)
        .configs(Topics.configOf(Topics.EMAILS))
        .build();
  }

  @Bean
  BookReplay emailReplay(EmailBook book, KafkaProperties kafka) {
    return new BookReplay(Topics.EMAILS, "kairan-api-emails", kafka, book);
  }
}
