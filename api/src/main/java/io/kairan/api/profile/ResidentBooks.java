package io.kairan.api.profile;

import io.kairan.api.consent.ConsentBook;
import io.kairan.api.device.DeviceBook;
import io.kairan.api.email.EmailBook;
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
  /** Long enough for the books of a starting API (small topics are read in well under it). */
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<TopicBook<?>> books;
  private final Duration wait;

  @org.springframework.beans.factory.annotation.Autowired
  ResidentBooks(ProfileBook profiles, DeviceBook devices, ConsentBook consents, EmailBook emails) {
    this(List.of(profiles, devices, consents, emails), WAIT);
  }

  ResidentBooks(ProfileBook profiles, DeviceBook devices, ConsentBook consents, Duration wait) {
    this(List.of(profiles, devices, consents), wait);
  }

  private ResidentBooks(List<TopicBook<?>> books, Duration wait) {
    this.books = books;
    this.wait = wait;
  }

  /** Returns once every book is read; waits {@code wait} in all at most, then refuses. */
  public void awaitRead() {
    long deadline = System.nanoTime() + wait.toNanos();
    for (TopicBook<?> book : books) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!book.awaitCaughtUp(left)) {
        throw new ResidentBooksNotReadyException();
      }
    }
  }
}
