package io.kairan.model.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Quiet hours run from their start (inclusive) to their end (exclusive), across midnight too. */
class QuietHoursTest {

  @Test
  void aTimeIsExactlyTwoDigitHoursAndMinutesFromMidnightToOneMinuteBefore() {
    assertThat(QuietHours.isTime("00:00")).isTrue();
    assertThat(QuietHours.isTime("07:00")).isTrue();
    assertThat(QuietHours.isTime("19:59")).isTrue();
    assertThat(QuietHours.isTime("23:59")).isTrue();
  }

  @Test
  void anythingElseIsNotATime() {
    assertThat(QuietHours.isTime("24:00")).isFalse();
    assertThat(QuietHours.isTime("25:00")).isFalse();
    assertThat(QuietHours.isTime("12:60")).isFalse();
    assertThat(QuietHours.isTime("7:00")).isFalse();
    assertThat(QuietHours.isTime("07:00:00")).isFalse();
    assertThat(QuietHours.isTime("xx")).isFalse();
    assertThat(QuietHours.isTime("")).isFalse();
    assertThat(QuietHours.isTime(null)).isFalse();
  }

  @Test
  void aDaytimeWindowHoldsItsStartButNotItsEnd() {
    var lunch = new QuietHours("13:00", "14:00");

    assertThat(lunch.contains(LocalTime.of(12, 59))).isFalse();
    assertThat(lunch.contains(LocalTime.of(13, 0))).isTrue();
    assertThat(lunch.contains(LocalTime.of(13, 59))).isTrue();
    assertThat(lunch.contains(LocalTime.of(14, 0))).isFalse();
    assertThat(lunch.contains(LocalTime.of(23, 0))).isFalse();
  }

  @Test
  void aNightWindowRunsOverMidnight() {
    var night = new QuietHours("22:00", "07:00");

    assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
    assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
    assertThat(night.contains(LocalTime.MIDNIGHT)).isTrue();
    assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
    assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
    assertThat(night.contains(LocalTime.NOON)).isFalse();
  }

  @Test
  void aWindowThatEndsWhereItStartsIsEmpty() {
    var none = new QuietHours("22:00", "22:00");

    assertThat(none.contains(LocalTime.of(22, 0))).isFalse();
    assertThat(none.contains(LocalTime.of(21, 59))).isFalse();
    assertThat(none.contains(LocalTime.of(3, 0))).isFalse();
  }

  @Test
  void itsTimesAreTheLocalTimesWritten() {
    var night = new QuietHours("22:30", "06:45");

    assertThat(night.startTime()).isEqualTo(LocalTime.of(22, 30));
    assertThat(night.endTime()).isEqualTo(LocalTime.of(6, 45));
  }
}
