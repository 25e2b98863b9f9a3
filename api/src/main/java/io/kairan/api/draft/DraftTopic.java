package io.kairan.api.draft;

import io.kairan.api.kafka.BookReplay;
import io.kairan.api.kafka.OwnTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own topic for drafts: created compacted at start when missing, read whole at start and
 * followed, so a restart (or another API instance) keeps every draft.
 */
@Configuration
class DraftTopic {
  @Bean
  NewTopic drafts() {
    return OwnTopics.declare(DraftBook.TOPIC);
  }

  @Bean
  BookReplay draftReplay(DraftBook book, KafkaProperties kafka) {
    return new BookReplay(DraftBook.TOPIC, "kairan-api-drafts", kafka, book);
  }
}
