package io.kairan.api.profile;

import io.kairan.api.kafka.BookReplay;
import io.kairan.model.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link ProfileBook} from profiles.v1: read whole at start, then followed. */
@Configuration
class ProfileReplay {
  @Bean
  BookReplay profilesFollowed(ProfileBook book, KafkaProperties kafka) {
    return new BookReplay(Topics.PROFILES, "kairan-api-profiles", kafka, book);
  }
}
