package io.kairan.model.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceTest {
  private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

  private static Device device(String id, String token, Platform platform, String locale) {
    return new Device(id, "r-1", token, platform, locale, AT);
  }

  @Test
  void aRegisteredPhoneIsValidWithOrWithoutALocale() {
    assertThat(device("d-1", "fcm-token", Platform.ANDROID, "ja-JP").problems()).isEmpty();
    assertThat(device("d-1", "fcm-token", Platform.IOS, null).problems()).isEmpty();
  }

  @Test
  void aDeviceNeedsItsIdOwnerTokenAndPlatform() {
    assertThat(new Device(" ", "", null, null, null, AT).problems())
        .containsExactly(
            "id: must not be blank",
            "residentId: must not be blank",
            "token: must not be blank",
            "platform: is required");
  }

  @Test
  void idsRunToOneHundredCharactersAndTokensTo4096() {
    assertThat(device("d".repeat(100), "t".repeat(4096), Platform.WEB, "en").problems()).isEmpty();
    assertThat(device("d".repeat(101), "t".repeat(4097), Platform.WEB, "en").problems())
        .containsExactly(
            "id: must be at most 100 characters", "token: must be at most 4096 characters");
  }

  @Test
  void aLocaleMustBeALanguageTag() {
    assertThat(device("d-1", "fcm-token", Platform.ANDROID, "日本語").problems())
        .containsExactly("locale: is not a language tag");
  }
}
