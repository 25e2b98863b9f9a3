package io.kairan.model.resident;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Fixtures;
import io.kairan.model.notice.Category;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentProfileTest {

  @Test
  void aCompleteProfileHasNoProblems() {
    assertThat(Fixtures.parentInKitaaizu().problems()).isEmpty();
  }

  @Test
  void missingLanguagesDefaultToJapaneseAndZoneToTokyo() {
    var p =
        new ResidentProfile(
            "r",
            "072028",
            "湊町",
            null,
            1950,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Fixtures.NOW);

    assertThat(p.languages()).containsExactly("ja");
    assertThat(p.timeZone()).isEqualTo("Asia/Tokyo");
    assertThat(p.problems()).isEmpty();
  }

  @Test
  void badFieldsAreNamed() {
    var p =
        new ResidentProfile(
            "r",
            "072028",
            " ",
            null,
            1700,
            List.of(1800),
            List.of("日本語"),
            null,
            null,
            null,
            "Mars/Olympus",
            null,
            Fixtures.NOW);

    assertThat(p.problems())
        .anyMatch(s -> s.startsWith("district:"))
        .anyMatch(s -> s.startsWith("birthYear:"))
        .anyMatch(s -> s.startsWith("childrenBirthYears:"))
        .anyMatch(s -> s.startsWith("languages:"))
        .anyMatch(s -> s.startsWith("timeZone:"));
  }

  @Test
  void consentIsOnlyWhatWasGranted() {
    var p = Fixtures.parentInKitaaizu();

    assertThat(p.consentsTo(Category.CHILDCARE)).isTrue();
    assertThat(p.consentsTo(Category.SHOPPING)).isFalse();
  }

  @Test
  void quietHoursMayWrapMidnight() {
    var night = new QuietHours("22:00", "07:00");

    assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
    assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
    assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
    assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
    assertThat(new QuietHours("13:00", "14:00").contains(LocalTime.of(13, 30))).isTrue();
  }
}
