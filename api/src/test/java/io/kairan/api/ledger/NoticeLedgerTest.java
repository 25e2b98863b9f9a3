package io.kairan.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class NoticeLedgerTest {
  static final Instant UNTIL = Instant.parse("2026-12-23T00:00:00Z");
  static final Publisher CITY = new Publisher("dept-1", "会津若松市", PublisherKind.DEPARTMENT);

  /** A ledger whose clock stands at {@code now}, with the default settings (30 days, 24 h). */
  private static NoticeLedger ledgerAt(Instant now) {
    return new NoticeLedger(LedgerSettings.defaults(), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Notice notice(String id, int version, NoticeStatus status, Instant publishedAt) {
    return notice(CITY, id, version, status, publishedAt);
  }

  private static Notice notice(
      Publisher publisher, String id, int version, NoticeStatus status, Instant publishedAt) {
    return new Notice(
        id,
        version,
        publisher,
        "072028",
        Category.CHILDCARE,
        Map.of("ja", "児童手当の申請"),
        Map.of(),
        null,
        null,
        new Validity(Instant.parse("2026-11-23T00:00:00Z"), UNTIL),
        Severity.IMPORTANT,
        status,
        new Audience.Everyone(),
        publishedAt);
  }

  private static final Instant NOV_23 = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void aLaterVersionReplacesTheHeldOneAndAnEarlierOrRepeatedOneChangesNothing() {
    NoticeLedger ledger = ledgerAt(NOV_23);
    ledger.apply(notice("n-1", 2, NoticeStatus.UPDATED, NOV_23));

    ledger.apply(notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23));
    ledger.apply(notice("n-1", 2, NoticeStatus.CHANGED, NOV_23));
    assertThat(ledger.current("n-1"))
        .get()
        .extracting(Notice::status)
        .isEqualTo(NoticeStatus.UPDATED);

    ledger.apply(notice("n-1", 3, NoticeStatus.CHANGED, NOV_23));
    assertThat(ledger.current("n-1")).get().extracting(Notice::version).isEqualTo(3);
  }

  @Test
  void aWithdrawalIsFinalEvenWhenALaterVersionArrives() {
    NoticeLedger ledger = ledgerAt(NOV_23);
    ledger.apply(notice("n-1", 2, NoticeStatus.WITHDRAWN, NOV_23));

    ledger.apply(notice("n-1", 3, NoticeStatus.UPDATED, NOV_23));

    assertThat(ledger.current("n-1"))
        .get()
        .extracting(Notice::status)
        .isEqualTo(NoticeStatus.WITHDRAWN);
  }

  @Test
  void everyVersionIsHeldOldestFirstAndOneArrivingLateJoinsTheHistoryWithoutBecomingCurrent() {
    NoticeLedger ledger = ledgerAt(NOV_23);
    ledger.apply(notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23));
    ledger.apply(notice("n-1", 3, NoticeStatus.CHANGED, NOV_23));

    ledger.apply(notice("n-1", 2, NoticeStatus.UPDATED, NOV_23));
    ledger.apply(notice("n-1", 2, NoticeStatus.UPDATED, NOV_23));

    NoticeVersions held = ledger.versions("n-1").orElseThrow();
    assertThat(held.versions()).extracting(Notice::version).containsExactly(1, 2, 3);
    assertThat(held.current().status()).isEqualTo(NoticeStatus.CHANGED);
  }

  @Test
  void nothingAfterAWithdrawalJoinsTheHistory() {
    NoticeLedger ledger = ledgerAt(NOV_23);
    ledger.apply(notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23));
    ledger.apply(notice("n-1", 2, NoticeStatus.WITHDRAWN, NOV_23));

    ledger.apply(notice("n-1", 3, NoticeStatus.UPDATED, NOV_23));

    assertThat(ledger.versions("n-1").orElseThrow().versions())
        .extracting(Notice::status)
        .containsExactly(NoticeStatus.PUBLISHED, NoticeStatus.WITHDRAWN);
  }

  @Test
  void aPublishersNoticesAreTheirsOnlyAndLeaveTheListWhenForgotten() {
    MovingClock clock = new MovingClock(NOV_23);
    NoticeLedger ledger = new NoticeLedger(LedgerSettings.defaults(), clock);
    ledger.apply(notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23));
    ledger.apply(
        notice(
            new Publisher("firm-1", "会津商店", PublisherKind.FIRM),
            "n-2",
            1,
            NoticeStatus.PUBLISHED,
            NOV_23));

    assertThat(ledger.ofPublisher("dept-1"))
        .extracting(v -> v.current().id())
        .containsExactly("n-1");
    assertThat(ledger.ofPublisher("firm-1"))
        .extracting(v -> v.current().id())
        .containsExactly("n-2");
    clock.now = UNTIL.plus(Duration.ofDays(31));
    ledger.forgetOld();
    assertThat(ledger.ofPublisher("dept-1")).isEmpty();
  }

  @Test
  void aNoticeIsKeptUntil30DaysAfterItsValidityAndForgottenAfter() {
    NoticeLedger within = ledgerAt(UNTIL.plus(Duration.ofDays(30)));
    NoticeLedger after = ledgerAt(UNTIL.plus(Duration.ofDays(30)).plusSeconds(1));
    within.apply(notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23));
    after.apply(notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23));

    within.forgetOld();

    assertThat(within.current("n-1")).isPresent();
    assertThat(after.current("n-1")).isEmpty();
    assertThat(after.notices()).isZero();
  }

  @Test
  void theSweepForgetsWhatHasGrownOldSinceItWasApplied() {
    MovingClock clock = new MovingClock(NOV_23);
    NoticeLedger ledger = new NoticeLedger(LedgerSettings.defaults(), clock);
    ledger.apply(notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23));

    clock.now = UNTIL.plus(Duration.ofDays(31));
    ledger.forgetOld();

    assertThat(ledger.current("n-1")).isEmpty();
  }

  @Test
  void aKeyIsHonoured24HoursAfterItsPostAndNotAfter() {
    Notice first = notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23);
    PostKey key = new PostKey("dept-1", "k-1");
    NoticeLedger day = ledgerAt(NOV_23.plus(Duration.ofHours(24)));
    NoticeLedger dayAndASecond = ledgerAt(NOV_23.plus(Duration.ofHours(24)).plusSeconds(1));

    day.recordPost(new FirstPost(key, "f", first));
    dayAndASecond.recordPost(new FirstPost(key, "f", first));

    assertThat(day.firstPost(key)).get().extracting(p -> p.notice().id()).isEqualTo("n-1");
    assertThat(dayAndASecond.firstPost(key)).isEmpty();
  }

  @Test
  void theFirstPostForAKeyStays() {
    NoticeLedger ledger = ledgerAt(NOV_23);
    PostKey key = new PostKey("dept-1", "k-1");
    ledger.recordPost(new FirstPost(key, "f-1", notice("n-1", 1, NoticeStatus.PUBLISHED, NOV_23)));

    ledger.recordPost(new FirstPost(key, "f-2", notice("n-2", 1, NoticeStatus.PUBLISHED, NOV_23)));

    assertThat(ledger.firstPost(key)).get().extracting(FirstPost::fingerprint).isEqualTo("f-1");
  }

  @Test
  void theHealthIsOutOfServiceUntilTheTopicIsReadThenUp() {
    NoticeLedger ledger = ledgerAt(NOV_23);
    var health = new NoticeLedgerHealthIndicator(ledger);

    assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(ledger.awaitCaughtUp(Duration.ZERO)).isFalse();
    ledger.markCaughtUp();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(ledger.awaitCaughtUp(Duration.ZERO)).isTrue();
  }

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
