package io.kairan.api.profile;

import io.kairan.api.consent.ConsentBook;
import io.kairan.api.device.DeviceBook;
import io.kairan.api.kafka.TopicBook;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The books a resident's own calls read: until each has been read from its topic after a start, a
 * profile would be "not found", a device "not yours", an export incomplete, so those calls wait a
 * moment and then answer 503 (Retry-After) instead.
 */
@Component
public class ResidentBooks {
  private static final Duration WAIT = Duration.ofSeconds(2);
  private final List<TopicBook<?>> books;

  ResidentBooks(ProfileBook profiles, DeviceBook devices, ConsentBook consents) {
    this.books = List.of(profiles, devices, consents);
  }

  public void awaitRead() {
    for (TopicBook<?> book : books) {
      if (!book.awaitCaughtUp(WAIT)) {
        throw new ResidentBooksNotReadyException();
      }
    }
  }
}
