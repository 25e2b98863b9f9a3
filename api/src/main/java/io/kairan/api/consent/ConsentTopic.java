package io.kairan.api.consent;

import io.kairan.api.kafka.BookReplay;
import io.kairan.api.kafka.OwnTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's topic of consent histories: created compacted when missing, read whole, followed. */
@Configuration
class ConsentTopic {
  @Bean
  NewTopic consents() {
    return OwnTopics.declare(ConsentBook.TOPIC);
  }

  @Bean
  BookReplay consentReplay(ConsentBook book, KafkaProperties kafka) {
    return new BookReplay(ConsentBook.TOPIC, "kairan-api-consents", kafka, book);
  }
}
