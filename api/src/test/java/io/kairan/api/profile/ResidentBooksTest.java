package io.kairan.api.profile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.api.consent.ConsentBook;
import io.kairan.api.device.DeviceBook;
import org.junit.jupiter.api.Test;

/** A resident's own calls answer only from books read to their topics' ends. */
class ResidentBooksTest {
  @Test
  void whileOneBookIsStillBeingReadTheCallsAreRefusedAsNotReady() {
    ProfileBook profiles = new ProfileBook();
    DeviceBook devices = new DeviceBook();
    profiles.markCaughtUp();
    devices.markCaughtUp();
    // The consent histories are still being read.
    ResidentBooks books =
        new ResidentBooks(profiles, devices, new ConsentBook(), java.time.Duration.ofMillis(100));

    assertThatThrownBy(books::awaitRead).isInstanceOf(ResidentBooksNotReadyException.class);
  }

  @Test
  void onceEveryBookIsReadTheCallsGoOn() {
    ProfileBook profiles = new ProfileBook();
    DeviceBook devices = new DeviceBook();
    ConsentBook consents = new ConsentBook();
    profiles.markCaughtUp();
    devices.markCaughtUp();
    consents.markCaughtUp();

    assertThatCode(
            new ResidentBooks(profiles, devices, consents, java.time.Duration.ofMillis(100))
                ::awaitRead)
        .doesNotThrowAnyException();
  }
}
