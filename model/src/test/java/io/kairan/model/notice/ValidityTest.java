package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A notice is relevant from its start (inclusive) until its end (exclusive). */
class ValidityTest {
  private static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");
  private static final Validity LATE_NOVEMBER = new Validity(FROM, UNTIL);

  @Test
  void itStartsAtItsFirstInstant() {
    assertThat(LATE_NOVEMBER.contains(FROM)).isTrue();
    assertThat(LATE_NOVEMBER.contains(FROM.minusNanos(1))).isFalse();
  }

  @Test
  void itEndsJustBeforeItsUntil() {
    assertThat(LATE_NOVEMBER.contains(UNTIL.minusNanos(1))).isTrue();
    assertThat(LATE_NOVEMBER.contains(UNTIL)).isFalse();
  }

  @Test
  void itIsOverFromItsUntilOn() {
    assertThat(LATE_NOVEMBER.isOver(UNTIL.minusNanos(1))).isFalse();
    assertThat(LATE_NOVEMBER.isOver(UNTIL)).isTrue();
    assertThat(LATE_NOVEMBER.isOver(UNTIL.plusSeconds(86400))).isTrue();
  }

  @Test
  void beforeItStartsItIsNeitherCurrentNorOver() {
    Instant before = FROM.minusSeconds(3600);

    assertThat(LATE_NOVEMBER.contains(before)).isFalse();
    assertThat(LATE_NOVEMBER.isOver(before)).isFalse();
  }

  @Test
  void bothEndsAreRequired() {
    assertThat(new Validity(null, UNTIL).problems()).containsExactly("from: is required");
    assertThat(new Validity(FROM, null).problems()).containsExactly("until: is required");
  }

  @Test
  void anEmptyOrBackwardSpanIsRefused() {
    assertThat(new Validity(FROM, FROM).problems()).containsExactly("until: must be after from");
    assertThat(new Validity(UNTIL, FROM).problems()).containsExactly("until: must be after from");
    assertThat(new Validity(FROM, FROM.plusNanos(1)).problems()).isEmpty();
  }
}
