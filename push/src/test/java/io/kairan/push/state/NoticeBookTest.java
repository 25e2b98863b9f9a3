package io.kairan.push.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.push.Fixtures;
import io.kairan.push.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeBookTest {
  private static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-11-24T00:00:00Z");
  private final MutableClock clock = new MutableClock(FROM);
  private final NoticeBook book = NoticeBook.standalone(clock);

  /** Version {@code version} of notice n-1, valid from FROM until UNTIL. */
  private static io.kairan.model.notice.Notice forEveryone(int version, NoticeStatus status) {
    return Fixtures.notice(
        "n-1", version, Severity.IMPORTANT, status, new Audience.Everyone(), FROM, UNTIL);
  }

  @Test
  void aWithdrawnNoticeIsKnownUntil48HoursPastItsValidityAndThenForgotten() {
    book.add(forEveryone(2, NoticeStatus.WITHDRAWN));
    assertThat(NoticeBook.MARGIN).isEqualTo(Duration.ofHours(48));

    clock.advance(Duration.between(FROM, UNTIL.plus(Duration.ofHours(48))));
    assertThat(book.forgetExpired()).isZero();
    assertThat(book.isWithdrawn("n-1")).as("before: at exactly the margin").isTrue();

    clock.advance(Duration.ofMillis(1));
    assertThat(book.forgetExpired()).isEqualTo(1);
    assertThat(book.isWithdrawn("n-1")).as("after").isFalse();
    assertThat(book.find("n-1")).isEmpty();
  }

  @Test
  void anOlderVersionNeverReplacesANewerOne() {
    book.add(forEveryone(2, NoticeStatus.WITHDRAWN));

    book.add(forEveryone(1, NoticeStatus.PUBLISHED));

    assertThat(book.isWithdrawn("n-1")).isTrue();
    assertThat(book.find("n-1")).get().extracting(KnownNotice::version).isEqualTo(2);
  }

  @Test
  void aNoticeLongExpiredWhenReadIsNotKept() {
    clock.advance(Duration.between(FROM, UNTIL.plus(Duration.ofHours(49))));

    book.add(forEveryone(1, NoticeStatus.WITHDRAWN));

    assertThat(book.size()).isZero();
  }

  @Test
  void onlyAnEmergencyForADistrictListKeepsItsDistricts() {
    var districts = new Audience.InDistrict(List.of("湊町", "北会津町"));
    book.add(
        Fixtures.notice(
            "quake", 1, Severity.EMERGENCY, NoticeStatus.PUBLISHED, districts, FROM, UNTIL));
    book.add(
        Fixtures.notice(
            "info", 1, Severity.IMPORTANT, NoticeStatus.PUBLISHED, districts, FROM, UNTIL));

    assertThat(book.find("quake"))
        .contains(new KnownNotice(1, false, UNTIL, "072028", List.of("湊町", "北会津町")));
    assertThat(book.find("info")).contains(new KnownNotice(1, false, UNTIL, "072028", List.of()));
  }
}
