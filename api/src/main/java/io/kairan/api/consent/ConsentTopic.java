package io.kairan.api.consent;

import io.kairan.api.kafka.BookReplay;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The API's topic of consent histories: created compacted when missing, read whole, followed. */
@Configuration
class ConsentTopic {
  @Bean
  NewTopic consents() {
    return TopicBuilder.name(ConsentBook.TOPIC).partitions(1).compact().build();
  }

  @Bean
  BookReplay consentReplay(ConsentBook book, KafkaProperties kafka) {
    return new BookReplay(ConsentBook.TOPIC, "kairan-api-consents", kafka, book);
  }
}
