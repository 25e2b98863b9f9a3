package io.kairan.api.comparison;

import io.kairan.api.reach.Withholding;
import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule set did (or would do), in aggregates only: never a resident's id, and every count
 * under {@link Withholding#MINIMUM_GROUP} withheld (null, {@code withheld} true), together with any
 * count the ones shown beside it would give away.
 *
 * @param ruleSets the rule sets ("name/version") the deliveries name
 * @param deliveries every delivery counted
 * @param pushesPerResidentPerDay over the resident-days with at least one delivery
 * @param byCategoryAndChannel deliveries per category and channel, the pairs with any
 * @param importantCoverage of important and emergency notices: the eligible residents (one per
 *     resident and notice version) and those the channel tells (push or digest, not feed only)
 */
public record RuleSetFigures(
    List<String> ruleSets,
    Long deliveries,
    boolean withheld,
    PushesPerDay pushesPerResidentPerDay,
    List<Cell> byCategoryAndChannel,
    Coverage importantCoverage) {

  /**
   * Percentiles by nearest rank (the smallest value with at least that share of the resident-days
   * at or below it); withheld under ten resident-days.
   */
  public record PushesPerDay(
      Long residentDays, Integer p50, Integer p95, Integer max, boolean withheld) {}

  /** Deliveries of one category on one channel. */
  public record Cell(String category, String channel, Long deliveries, boolean withheld) {}

  /**
   * Eligible and reached; the share is null when either count, or their difference, is withheld.
   */
  public record Coverage(Long eligible, Long reached, Double share, boolean withheld) {}

  static RuleSetFigures of(DeliveryTally tally) {
    long total = tally.deliveries();
    return new RuleSetFigures(
        tally.ruleSets(),
        Withholding.withholds(total) ? null : total,
        Withholding.withholds(total),
        pushes(tally.pushesHistogram()),
        cells(tally, total),
        coverage(tally.importantEligible(), tally.importantReached()));
  }

  static PushesPerDay pushes(long[] histogram) {
    long days = 0;
    for (long n : histogram) {
      days += n;
    }
    if (Withholding.withholds(days)) {
      return new PushesPerDay(null, null, null, null, true);
    }
    return new PushesPerDay(
        days,
        nearestRank(histogram, days, 50),
        nearestRank(histogram, days, 95),
        nearestRank(histogram, days, 100),
        false);
  }

  /** The smallest value v with at least {@code percent} % of the {@code n} values at most v. */
  static int nearestRank(long[] histogram, long n, int percent) {
    long rank = Math.max(1, (n * percent + 99) / 100);
    long seen = 0;
    for (int value = 0; value < histogram.length; value++) {
      seen += histogram[value];
      if (seen >= rank) {
        return value;
      }
    }
    throw new IllegalArgumentException("rank " + rank + " beyond " + n + " values");
  }

  private static List<Cell> cells(DeliveryTally tally, long total) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      for (Channel channel : Channel.values()) {
        long n = tally.count(category, channel);
        if (n > 0) {
          counts.put(category.name() + "/" + channel.name(), n);
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (Withholding.Group g : Withholding.split(total, counts)) {
      String[] pair = g.name().split("/");
      cells.add(new Cell(pair[0], pair[1], g.residents(), g.withheld()));
    }
    return cells;
  }

  static Coverage coverage(long eligible, long reached) {
    // Residents not reached are a count too (eligible minus reached): both go when either is small.
    // None at all (either way) points at nobody, as a channel nobody got is left out of a split.
    Map<String, Long> split = new LinkedHashMap<>();
    if (reached > 0) {
      split.put("reached", reached);
    }
    if (eligible > reached) {
      split.put("not reached", eligible - reached);
    }
    boolean withheld =
        Withholding.withholds(eligible)
            || Withholding.split(eligible, split).stream().anyMatch(Withholding.Group::withheld);
    if (withheld) {
      return new Coverage(Withholding.withholds(eligible) ? null : eligible, null, null, true);
    }
    return new Coverage(eligible, reached, (double) reached / eligible, false);
  }
}
