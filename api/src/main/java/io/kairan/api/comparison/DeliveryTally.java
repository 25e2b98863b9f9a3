package io.kairan.api.comparison;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Counts the deliveries of one rule set as they come, by resident number (the caller numbers its
 * residents from 0): deliveries and pushes per resident per local day of the delivery's time
 * ({@code pushAt}: the push's, the digest's, else the decision's), deliveries by category and
 * channel, and the important notices' eligible and reached residents. Not thread-safe.
 */
public final class DeliveryTally {
  private final int days;
  // Where each local day after the first begins (epoch seconds): a day is found by a search, not
  // by converting every delivery's time to a date in the zone.
  private final long[] dayStarts;
  private int lastDay;
  // Per resident, per day of the window: 0 no delivery, else 1 + the pushes that day.
  private final List<int[]> perResidentDay = new ArrayList<>();
  private final long[][] byCategoryAndChannel =
      new long[Category.values().length][Channel.values().length];
  private final TreeSet<String> ruleSets = new TreeSet<>();
  private long deliveries;
  private long importantEligible;
  private long importantReached;

  /**
   * @param firstDay the first local day counted; {@code days} days on, a later one counts as the
   *     last (a digest due the day after the window)
   */
  public DeliveryTally(ZoneId zone, LocalDate firstDay, int days) {
    this.days = days;
    this.dayStarts = new long[days - 1];
    for (int d = 1; d < days; d++) {
      dayStarts[d - 1] = firstDay.plusDays(d).atStartOfDay(zone).toEpochSecond();
    }
  }

  /** One delivery to the resident numbered {@code resident}. */
  public void add(
      int resident,
      Category category,
      Severity severity,
      Channel channel,
      Instant at,
      String ruleSet) {
    deliveries++;
    byCategoryAndChannel[category.ordinal()][channel.ordinal()]++;
    if (severity != Severity.INFO) {
      importantEligible++;
      if (reaches(channel)) {
        importantReached++;
      }
    }
    if (ruleSet != null) {
      ruleSets.add(ruleSet);
    }
    while (perResidentDay.size() <= resident) {
      perResidentDay.add(null);
    }
    int[] byDay = perResidentDay.get(resident);
    if (byDay == null) {
      byDay = new int[days];
      perResidentDay.set(resident, byDay);
    }
    int d = dayOf(at.getEpochSecond());
    byDay[d] = Math.max(byDay[d], 1) + (channel.pushes() ? 1 : 0);
  }

  /** The day of the window an instant falls on: before the first counts as the first. */
  private int dayOf(long epochSecond) {
    // Deliveries come in time order, mostly on the day of the one before.
    int last = lastDay;
    if ((last == 0 || dayStarts[last - 1] <= epochSecond)
        && (last == dayStarts.length || epochSecond < dayStarts[last])) {
      return last;
    }
    lastDay = dayOfSearched(epochSecond);
    return lastDay;
  }

  private int dayOfSearched(long epochSecond) {
    int found = java.util.Arrays.binarySearch(dayStarts, epochSecond);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /**
   * Whether the channel tells the resident: a push (now or after quiet hours) or the daily digest;
   * a feed-only delivery waits until the resident looks.
   */
  static boolean reaches(Channel channel) {
    return channel != Channel.FEED_ONLY;
  }

  /** The pushes of each resident-day with a delivery, counted: index = pushes, value = days. */
  long[] pushesHistogram() {
    long[] histogram = new long[8];
    for (int[] byDay : perResidentDay) {
      if (byDay == null) {
        continue;
      }
      for (int value : byDay) {
        if (value > 0) {
          int pushes = value - 1;
          if (pushes >= histogram.length) {
            histogram =
                java.util.Arrays.copyOf(histogram, Math.max(pushes + 1, histogram.length * 2));
          }
          histogram[pushes]++;
        }
      }
    }
    return histogram;
  }

  long deliveries() {
    return deliveries;
  }

  long count(Category category, Channel channel) {
    return byCategoryAndChannel[category.ordinal()][channel.ordinal()];
  }

  long importantEligible() {
    return importantEligible;
  }

  long importantReached() {
    return importantReached;
  }

  List<String> ruleSets() {
    return List.copyOf(ruleSets);
  }

  /** The figures, small counts withheld. */
  public RuleSetFigures figures() {
    return RuleSetFigures.of(this);
  }
}
