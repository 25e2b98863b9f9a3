package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.api.index.NoticeCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No figure points at fewer than ten people: such counts are withheld, not rounded, and an attacker
 * who subtracts the figures shown from the totals shown beside them learns no count from 1 to 9.
 */
class FiguresWithholdingTest {

  private static Map<String, Long> counts(Object... nameThenCount) {
    var counts = new LinkedHashMap<String, Long>();
    for (int i = 0; i < nameThenCount.length; i += 2) {
      counts.put((String) nameThenCount[i], ((Number) nameThenCount[i + 1]).longValue());
    }
    return counts;
  }

  @Test
  void countsUnderTenAreWithheldAndTenOrMoreShown() {
    var counts =
        new NoticeCounts.Counts(
            40,
            counts("PUSH_NOW", 20, "FEED_ONLY", 20),
            counts("SENT", 12, "INVALID_TOKEN", 10),
            counts("OPENED", 15, "USEFUL", 3));

    NoticeFigures figures = FiguresReader.withheld("n-1", counts);

    assertThat(figures.residents()).isEqualTo(40L);
    assertThat(figures.deliveries()).isEqualTo(40L);
    assertThat(figures.byChannel()).containsEntry("PUSH_NOW", 20L).containsEntry("FEED_ONLY", 20L);
    assertThat(figures.pushed()).isEqualTo(22L);
    assertThat(figures.pushes()).containsEntry("SENT", 12L).containsEntry("INVALID_TOKEN", 10L);
    assertThat(figures.opened()).isEqualTo(15L);
    assertThat(figures.useful()).isNull();
    assertThat(figures.notInterested()).isNull(); // none said so: 0 is a count under ten too
    assertThat(figures.minimumGroup()).isEqualTo(10);
  }

  @Test
  void aNoticeThatReachedNineResidentsShowsNothing() {
    var counts = new NoticeCounts.Counts(9, counts("FEED_ONLY", 12), counts("SENT", 11), counts());

    NoticeFigures figures = FiguresReader.withheld("n-1", counts);

    assertThat(figures.residents()).isNull();
    assertThat(figures.deliveries()).isNull();
    assertThat(figures.byChannel()).containsEntry("FEED_ONLY", null);
    assertThat(figures.pushed()).isNull();
    assertThat(figures.pushes()).containsEntry("SENT", null);
  }

  @Test
  void oneSmallChannelTakesTheSmallestShownOneWithItSoTheTotalGivesNeitherAway() {
    // Shown as 25 = 20 + ?, the 5 would be plain: PUSH_NOW goes too.
    var counts =
        new NoticeCounts.Counts(25, counts("PUSH_NOW", 20, "FEED_ONLY", 5), counts(), counts());

    NoticeFigures figures = FiguresReader.withheld("n-1", counts);

    assertThat(figures.deliveries()).isEqualTo(25L);
    assertThat(figures.byChannel())
        .containsEntry("PUSH_NOW", null)
        .containsEntry("FEED_ONLY", null);
  }

  @Test
  void openedIsWithheldWhenFewerThanTenResidentsDidNotOpen() {
    // 30 residents, 25 opened: 5 did not, which 30 - 25 would tell.
    var counts = new NoticeCounts.Counts(30, counts(), counts(), counts("OPENED", 25));

    assertThat(FiguresReader.withheld("n-1", counts).opened()).isNull();
  }

  @Test
  void subtractingWhatIsShownRecoversNoCountFromOneToNine() {
    Random random = new Random(20261126);
    for (int run = 0; run < 20_000; run++) {
      long residents = random.nextInt(60);
      var byChannel = randomSplit(random, "PUSH_NOW", "PUSH_AT", "DIGEST", "FEED_ONLY");
      var pushes = randomSplit(random, "SENT", "INVALID_TOKEN", "FAILED_AFTER_RETRIES", "REJECTED");
      var feedback = new LinkedHashMap<String, Long>();
      for (String kind : List.of("OPENED", "USEFUL", "NOT_INTERESTED")) {
        feedback.put(kind, (long) random.nextInt((int) residents + 1));
      }
      var counts = new NoticeCounts.Counts(residents, byChannel, pushes, feedback);

      NoticeFigures shown = FiguresReader.withheld("n-1", counts);

      var learned = new ArrayList<Long>();
      learned.addAll(subtraction(shown.deliveries(), shown.byChannel()));
      learned.addAll(subtraction(shown.pushed(), shown.pushes()));
      for (Long gave : Arrays.asList(shown.opened(), shown.useful(), shown.notInterested())) {
        if (shown.residents() != null && gave != null) {
          learned.add(gave);
          learned.add(shown.residents() - gave); // those who did not
        }
      }
      allShown(shown).forEach(learned::add);
      assertThat(learned)
          .as("what %s shows or gives away by subtraction: %s", counts, shown)
          .allMatch(count -> count == 0 || count >= 10);
    }
  }

  /** What a split gives away: the total less the cells shown is the sum of the cells withheld. */
  private static List<Long> subtraction(Long total, Map<String, Long> cells) {
    if (total == null) {
      return List.of();
    }
    long shownSum = cells.values().stream().filter(Objects::nonNull).mapToLong(c -> c).sum();
    long withheld = cells.values().stream().filter(Objects::isNull).count();
    // One withheld cell is recovered exactly; several only as their sum, which is a group too.
    return withheld == 0 ? List.of() : List.of(total - shownSum);
  }

  private static List<Long> allShown(NoticeFigures f) {
    var all =
        new ArrayList<Long>(
            Arrays.asList(
                f.residents(),
                f.deliveries(),
                f.pushed(),
                f.opened(),
                f.useful(),
                f.notInterested()));
    all.addAll(f.byChannel().values());
    all.addAll(f.pushes().values());
    all.removeIf(Objects::isNull);
    return all;
  }

  private static Map<String, Long> randomSplit(Random random, String... names) {
    var counts = new LinkedHashMap<String, Long>();
    for (String name : names) {
      if (random.nextInt(4) > 0) {
        // Mostly small cells: where withholding has to work.
        counts.put(
            name, (long) (random.nextBoolean() ? 1 + random.nextInt(12) : random.nextInt(60)));
      }
    }
    return counts;
  }
}
