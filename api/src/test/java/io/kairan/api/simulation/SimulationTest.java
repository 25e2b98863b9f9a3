package io.kairan.api.simulation;

import static io.kairan.api.simulation.SimulationFixtures.alike;
import static io.kairan.api.simulation.SimulationFixtures.alikeIn;
import static io.kairan.api.simulation.SimulationFixtures.capped;
import static io.kairan.api.simulation.SimulationFixtures.held;
import static io.kairan.api.simulation.SimulationFixtures.important;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.api.comparison.ChannelChanges;
import io.kairan.api.comparison.RuleSetFigures;
import io.kairan.api.comparison.RuleSetFigures.Cell;
import io.kairan.api.comparison.RuleSetFigures.Coverage;
import io.kairan.api.comparison.RuleSetFigures.PushesPerDay;
import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulations of twelve residents alike, small enough that every figure is worked out by hand in
 * the test: each resident is decided the same way, so each count is twelve times one resident's.
 */
class SimulationTest {
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final Instant FROM = Instant.parse("2026-11-19T15:00:00Z"); // 00:00 on 11-20 in Tokyo
  static final Instant TO = Instant.parse("2026-11-21T15:00:00Z");

  private static SimulationFigures simulate(
      ResidentIndex.Snapshot residents, List<Notice> versions, RuleSet candidate) {
    List<Double> progress = new ArrayList<>();
    SimulationFigures figures =
        Simulation.run(
            new Simulation.Input(
                residents.profiles(),
                residents.groups(),
                versions,
                RuleSet.BUILTIN,
                candidate,
                FROM,
                TO,
                TOKYO),
            Simulation.Method.INDEX,
            progress::add);
    assertThat(progress).isSorted().last().isEqualTo(1.0);
    return figures;
  }

  @Test
  void aDailyCapOfTwoSendsEachResidentsThirdPushOfTheDayToTheDigest() {
    // 10:00, 11:00 and 12:00 in Tokyo on 11-20.
    List<Notice> notices =
        List.of(
            important("n-1", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T01:00:00Z")),
            important("n-2", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T02:00:00Z")),
            important("n-3", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T03:00:00Z")));

    SimulationFigures figures = simulate(held(alike(12, null)), notices, capped(2));

    assertThat(figures.residents()).isEqualTo(12L);
    assertThat(figures.notices()).isEqualTo(3);
    // The built-in cap is 5: three pushes each.
    assertThat(figures.active())
        .isEqualTo(
            new RuleSetFigures(
                List.of("builtin/1"),
                36L,
                false,
                new PushesPerDay(12L, 3, 3, 3, false),
                List.of(new Cell("HEALTH", "PUSH_NOW", 36L, false)),
                new Coverage(36L, 36L, 1.0, false)));
    // Two pushes each; the third waits for the 18:00 digest the same day, which still reaches.
    assertThat(figures.candidate())
        .isEqualTo(
            new RuleSetFigures(
                List.of("capped/2"),
                36L,
                false,
                new PushesPerDay(12L, 2, 2, 2, false),
                List.of(
                    new Cell("HEALTH", "PUSH_NOW", 24L, false),
                    new Cell("HEALTH", "DIGEST", 12L, false)),
                new Coverage(36L, 36L, 1.0, false)));
    assertThat(figures.channelChanged())
        .isEqualTo(
            new ChannelChanges.Figures(
                12L,
                false,
                36,
                List.of(new ChannelChanges.Change("PUSH_NOW", "DIGEST", 12L, false))));
  }

  @Test
  void anUpdateOfANoticePublishedBeforeTheWindowIsSilentAndOnlyTheUpdateIsCounted() {
    Instant before = FROM.minusSeconds(3600);
    Instant during = Instant.parse("2026-11-20T01:00:00Z");
    List<Notice> versions =
        List.of(
            important("n-1", 1, NoticeStatus.PUBLISHED, before),
            important("n-1", 2, NoticeStatus.UPDATED, during));

    SimulationFigures figures = simulate(held(alike(12, null)), versions, capped(2));

    assertThat(figures.versions()).isEqualTo(1);
    assertThat(figures.candidate().byCategoryAndChannel())
        .containsExactly(new Cell("HEALTH", "FEED_ONLY", 12L, false));
    assertThat(figures.candidate().pushesPerResidentPerDay())
        .isEqualTo(new PushesPerDay(12L, 0, 0, 0, false));
    // Twelve important deliveries, none told: a silent update reaches nobody by a channel.
    assertThat(figures.candidate().importantCoverage())
        .isEqualTo(new Coverage(12L, 0L, 0.0, false));
  }

  @Test
  void aSignificantChangeIsPushedAgain() {
    List<Notice> versions =
        List.of(
            important("n-1", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T01:00:00Z")),
            important("n-1", 2, NoticeStatus.CHANGED, Instant.parse("2026-11-20T02:00:00Z")));

    SimulationFigures figures = simulate(held(alike(12, null)), versions, capped(5));

    assertThat(figures.candidate().byCategoryAndChannel())
        .containsExactly(new Cell("HEALTH", "PUSH_NOW", 24L, false));
  }

  @Test
  void aWithdrawnNoticesPendingPushGivesItsSlotOfTheDayBack() {
    // Quiet from 22:00 to 07:00: notice A at 23:00 waits for 07:00 on 11-21 and takes that day's
    // only slot (cap 1); its withdrawal at 23:30 gives the slot back, so B at 08:00 is pushed.
    List<Notice> versions =
        List.of(
            important("a", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T14:00:00Z")),
            important("a", 2, NoticeStatus.WITHDRAWN, Instant.parse("2026-11-20T14:30:00Z")),
            important("b", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T23:00:00Z")));

    SimulationFigures figures =
        simulate(held(alike(12, new QuietHours("22:00", "07:00"))), versions, capped(1));

    assertThat(figures.candidate().byCategoryAndChannel())
        .containsExactly(
            new Cell("HEALTH", "PUSH_NOW", 12L, false), new Cell("HEALTH", "PUSH_AT", 12L, false));
  }

  @Test
  void withoutTheWithdrawalTheSecondNoticeOfTheDayGoesToTheDigest() {
    List<Notice> versions =
        List.of(
            important("a", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T14:00:00Z")),
            important("b", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T23:00:00Z")));

    SimulationFigures figures =
        simulate(held(alike(12, new QuietHours("22:00", "07:00"))), versions, capped(1));

    assertThat(figures.candidate().byCategoryAndChannel())
        .containsExactly(
            new Cell("HEALTH", "PUSH_AT", 12L, false), new Cell("HEALTH", "DIGEST", 12L, false));
  }

  @Test
  void nineResidentsAreTooFewToShowAnything() {
    List<Notice> notices =
        List.of(important("n-1", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-20T01:00:00Z")));

    SimulationFigures figures = simulate(held(alike(9, null)), notices, capped(2));

    assertThat(figures.residents()).isNull();
    assertThat(figures.candidate().deliveries()).isNull();
    assertThat(figures.candidate().pushesPerResidentPerDay().withheld()).isTrue();
    assertThat(figures.candidate().byCategoryAndChannel()).allMatch(Cell::withheld);
    assertThat(figures.candidate().importantCoverage().withheld()).isTrue();
  }

  @Test
  void aFirmsPushOverTheFirmsCapGoesToTheDigestOnlyForResidentsAFirmPushedThatDay() {
    // Alike in all the policy reads, two districts apart: 北会津町 gets a shop's push at 10:00,
    // 湊町 the city's at 11:00; at 12:00 a shop's city-wide notice finds both with one push that
    // day, but only 北会津町's from a firm (firms' cap 1).
    List<ResidentProfile> residents = new ArrayList<>(alikeIn("北会津町", 12, null));
    residents.addAll(alikeIn("湊町", 12, null));
    List<Notice> notices =
        List.of(
            important(
                "shop-1",
                1,
                NoticeStatus.PUBLISHED,
                Instant.parse("2026-11-20T01:00:00Z"),
                SimulationFixtures.FIRM,
                Category.SHOPPING,
                new Audience.InDistrict(List.of("北会津町"))),
            important(
                "city-1",
                1,
                NoticeStatus.PUBLISHED,
                Instant.parse("2026-11-20T02:00:00Z"),
                SimulationFixtures.DEPARTMENT,
                Category.HEALTH,
                new Audience.InDistrict(List.of("湊町"))),
            important(
                "shop-2",
                1,
                NoticeStatus.PUBLISHED,
                Instant.parse("2026-11-20T03:00:00Z"),
                SimulationFixtures.FIRM,
                Category.SHOPPING,
                new Audience.Everyone()));

    SimulationFigures figures = simulate(held(residents), notices, capped(5, 1));

    assertThat(figures.candidate().byCategoryAndChannel())
        .containsExactly(
            new Cell("HEALTH", "PUSH_NOW", 12L, false),
            new Cell("SHOPPING", "PUSH_NOW", 24L, false),
            new Cell("SHOPPING", "DIGEST", 12L, false));
  }
}
