package io.kairan.api.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A rule set's figures on small tallies whose figures are worked out by hand in each test. */
class RuleSetFiguresTest {
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final LocalDate DAY = LocalDate.parse("2026-11-20");
  static final Instant MORNING = Instant.parse("2026-11-20T01:00:00Z"); // 10:00 in Tokyo

  private static DeliveryTally tally() {
    return new DeliveryTally(TOKYO, DAY, 3);
  }

  /** Resident {@code r} gets {@code pushes} pushes and one feed-only delivery that morning. */
  private static void day(DeliveryTally tally, int r, int pushes) {
    tally.add(r, Category.EVENTS, Severity.INFO, Channel.FEED_ONLY, MORNING, "a/1");
    for (int i = 0; i < pushes; i++) {
      tally.add(r, Category.HEALTH, Severity.IMPORTANT, Channel.PUSH_NOW, MORNING, "a/1");
    }
  }

  @Test
  void pushesPerResidentPerDayAreNearestRankPercentilesOverTheResidentDaysWithADelivery() {
    DeliveryTally tally = tally();
    int[] pushes = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 7};
    for (int r = 0; r < pushes.length; r++) {
      day(tally, r, pushes[r]);
    }

    // 12 resident-days, sorted as above: p50 is the 6th (2), p95 the 12th (ceil 11.4: 7).
    assertThat(tally.figures().pushesPerResidentPerDay())
        .isEqualTo(new RuleSetFigures.PushesPerDay(12L, 2, 7, 7, false));
  }

  @Test
  void theDayIsTheLocalDayOfTheCitysZoneSoMidnightInTokyoSplitsTwoDays() {
    DeliveryTally tally = tally();
    for (int r = 0; r < 10; r++) {
      // 23:00 and 00:30 in Tokyo: two days with a push each, not one day with two.
      tally.add(
          r,
          Category.HEALTH,
          Severity.IMPORTANT,
          Channel.PUSH_NOW,
          Instant.parse("2026-11-20T14:00:00Z"),
          "a/1");
      tally.add(
          r,
          Category.HEALTH,
          Severity.IMPORTANT,
          Channel.PUSH_NOW,
          Instant.parse("2026-11-20T15:30:00Z"),
          "a/1");
    }

    assertThat(tally.figures().pushesPerResidentPerDay())
        .isEqualTo(new RuleSetFigures.PushesPerDay(20L, 1, 1, 1, false));
  }

  @Test
  void underTenResidentDaysThePushFiguresAreWithheld() {
    DeliveryTally tally = tally();
    for (int r = 0; r < 9; r++) {
      day(tally, r, 5);
    }

    assertThat(tally.figures().pushesPerResidentPerDay())
        .isEqualTo(new RuleSetFigures.PushesPerDay(null, null, null, null, true));
  }

  @Test
  void aCellUnderTenIsWithheldAndSoIsTheSmallestShownCellThatWouldGiveItAway() {
    DeliveryTally tally = tally();
    for (int i = 0; i < 30; i++) {
      tally.add(i, Category.HEALTH, Severity.IMPORTANT, Channel.PUSH_NOW, MORNING, "a/1");
    }
    for (int i = 0; i < 4; i++) {
      tally.add(i, Category.HEALTH, Severity.IMPORTANT, Channel.DIGEST, MORNING, "a/1");
    }
    for (int i = 0; i < 12; i++) {
      tally.add(i, Category.EVENTS, Severity.INFO, Channel.FEED_ONLY, MORNING, "a/1");
    }

    RuleSetFigures figures = tally.figures();

    assertThat(figures.deliveries()).isEqualTo(46L);
    // 46 - 30 would give the 4 away if the 12 were shown: both go (16 together).
    assertThat(figures.byCategoryAndChannel())
        .containsExactly(
            new RuleSetFigures.Cell("HEALTH", "PUSH_NOW", 30L, false),
            new RuleSetFigures.Cell("HEALTH", "DIGEST", null, true),
            new RuleSetFigures.Cell("EVENTS", "FEED_ONLY", null, true));
  }

  @Test
  void coverageIsTheShareOfImportantDeliveriesOnAPushOrTheDigest() {
    DeliveryTally tally = tally();
    for (int i = 0; i < 20; i++) {
      tally.add(i, Category.HEALTH, Severity.IMPORTANT, Channel.PUSH_NOW, MORNING, "a/1");
    }
    for (int i = 0; i < 10; i++) {
      tally.add(i, Category.DISASTER, Severity.EMERGENCY, Channel.DIGEST, MORNING, "a/1");
    }
    for (int i = 0; i < 10; i++) {
      tally.add(i, Category.HEALTH, Severity.IMPORTANT, Channel.FEED_ONLY, MORNING, "a/1");
    }
    for (int i = 0; i < 50; i++) {
      tally.add(
          i, Category.EVENTS, Severity.INFO, Channel.PUSH_NOW, MORNING, "a/1"); // not important
    }

    assertThat(tally.figures().importantCoverage())
        .isEqualTo(new RuleSetFigures.Coverage(40L, 30L, 0.75, false));
  }

  @Test
  void coverageWithFewerThanTenNotReachedIsWithheldSinceTheDifferenceWouldGiveThemAway() {
    DeliveryTally tally = tally();
    for (int i = 0; i < 35; i++) {
      tally.add(i, Category.HEALTH, Severity.IMPORTANT, Channel.PUSH_AT, MORNING, "a/1");
    }
    for (int i = 0; i < 5; i++) {
      tally.add(i, Category.HEALTH, Severity.IMPORTANT, Channel.FEED_ONLY, MORNING, "a/1");
    }

    assertThat(tally.figures().importantCoverage())
        .isEqualTo(new RuleSetFigures.Coverage(40L, null, null, true));
  }

  @Test
  void everyoneReachedIsShownInFull() {
    DeliveryTally tally = tally();
    for (int i = 0; i < 12; i++) {
      tally.add(i, Category.HEALTH, Severity.IMPORTANT, Channel.PUSH_NOW, MORNING, "a/1");
    }

    assertThat(tally.figures().importantCoverage())
        .isEqualTo(new RuleSetFigures.Coverage(12L, 12L, 1.0, false));
  }

  @Test
  void residentsWhoseChannelChangedAreCountedOnceEachAndWithheldUnderTen() {
    ChannelChanges many = new ChannelChanges();
    for (int r = 0; r < 12; r++) {
      many.compare(r, Channel.PUSH_NOW, Channel.DIGEST);
      many.compare(r, Channel.PUSH_NOW, Channel.DIGEST); // a second notice: still one resident
      many.compare(r, Channel.FEED_ONLY, Channel.FEED_ONLY);
    }
    ChannelChanges few = new ChannelChanges();
    for (int r = 0; r < 9; r++) {
      few.compare(r, Channel.PUSH_NOW, Channel.PUSH_AT);
    }

    assertThat(many.figures())
        .isEqualTo(
            new ChannelChanges.Figures(
                12L,
                false,
                36,
                java.util.List.of(new ChannelChanges.Change("PUSH_NOW", "DIGEST", 24L, false))));
    assertThat(few.figures().residents()).isNull();
    assertThat(few.figures().withheld()).isTrue();
    assertThat(few.figures().deliveries())
        .containsExactly(new ChannelChanges.Change("PUSH_NOW", "PUSH_AT", null, true));
  }
}
