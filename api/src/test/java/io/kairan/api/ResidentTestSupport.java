package io.kairan.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What the resident's own calls keep, for controller slice tests: the real books of profiles,
 * devices, consent histories and e-mail addresses and the consent recorder (Kafka is the test's
 * stand-in).
 */
@TestConfiguration
@Import({
  io.kairan.api.profile.ProfileBook.class,
  io.kairan.api.device.DeviceBook.class,
  io.kairan.api.consent.ConsentBook.class,
  io.kairan.api.email.EmailBook.class,
  io.kairan.api.consent.ConsentRecorder.class,
  io.kairan.api.profile.ResidentBooks.class
})
public class ResidentTestSupport {
  /** No topic to read in a slice test: the books are as read as they will be. */
  @org.springframework.context.annotation.Bean
  Object residentBooksRead(
      io.kairan.api.profile.ProfileBook profiles,
      io.kairan.api.device.DeviceBook devices,
      io.kairan.api.consent.ConsentBook consents,
      io.kairan.api.email.EmailBook emails) {
    profiles.markCaughtUp();
    devices.markCaughtUp();
    consents.markCaughtUp();
    emails.markCaughtUp();
    return Boolean.TRUE;
  }
}
