package io.kairan.api.draft;

import io.kairan.api.kafka.TopicReplay;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The API's own topic for drafts: created compacted at start when missing, read whole at start and
 * followed, so a restart (or another API instance) keeps every draft.
 */
@Configuration
class DraftTopic {
  @Bean
  NewTopic drafts() {
    return TopicBuilder.name(DraftBook.TOPIC).partitions(1).compact().build();
  }

  @Bean
  SmartLifecycle draftReplay(DraftBook book, KafkaProperties kafka) {
    TopicReplay replay =
        new TopicReplay(
            DraftBook.TOPIC,
            "kairan-api-drafts",
            kafka,
            TopicReplay.Reader.of(r -> book.accept(r.key(), r.value()), book::markCaughtUp));
    return new SmartLifecycle() {
      @Override
      public void start() {
        replay.start();
      }

      @Override
      public void stop() {
        replay.stop();
      }

      @Override
      public boolean isRunning() {
        return replay.isRunning();
      }
    };
  }
}
