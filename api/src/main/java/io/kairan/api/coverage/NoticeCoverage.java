package io.kairan.api.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one notice reached its eligible residents, by district; a count shown as null is withheld
 * ({@link TableWithholding}).
 *
 * @param residents the eligible residents (those it was delivered to); null when withheld
 * @param total reached by push, by e-mail, in the feed only, and not reached, city-wide
 * @param districts the same per district (the district the profile names now), in name order
 */
public record NoticeCoverage(
    String noticeId,
    Long residents,
    ReachCounts total,
    List<DistrictReach> districts,
    int minimumGroup) {

  /** Reached by push, by e-mail, in the feed only, not reached; null where withheld. */
  public record ReachCounts(Long push, Long email, Long feedOnly, Long notReached) {}

  /** One district's row; {@code residents} is shown only when none of its counts is withheld. */
  public record DistrictReach(String district, Long residents, ReachCounts counts) {}

  static final int PUSH = 0;
  static final int EMAIL = 1;
  static final int FEED_ONLY = 2;
  static final int NOT_REACHED = 3;
  static final int COLUMNS = 4;

  /** The coverage shown of each resident's reach, grouped by their district. */
  static NoticeCoverage of(
      String noticeId, Map<String, Reach> reachByResident, DistrictLookup districts) {
    Map<String, long[]> byDistrict = new TreeMap<>();
    reachByResident.forEach(
        (resident, reach) -> {
          long[] row = byDistrict.computeIfAbsent(districts.of(resident), d -> new long[COLUMNS]);
          row[column(reach)]++;
        });
    long[][] counts = byDistrict.values().toArray(new long[0][]);
    TableWithholding.Shown shown = TableWithholding.of(counts, COLUMNS);
    List<DistrictReach> rows = new ArrayList<>();
    int r = 0;
    long[] totals = new long[COLUMNS];
    for (var entry : byDistrict.entrySet()) {
      long[] row = entry.getValue();
      for (int c = 0; c < COLUMNS; c++) {
        totals[c] += row[c];
      }
      rows.add(
          new DistrictReach(
              entry.getKey(),
              shown.rowTotals()[r] ? java.util.Arrays.stream(row).sum() : null,
              new ReachCounts(
                  shown.cells()[r][PUSH] ? row[PUSH] : null,
                  shown.cells()[r][EMAIL] ? row[EMAIL] : null,
                  shown.cells()[r][FEED_ONLY] ? row[FEED_ONLY] : null,
                  shown.cells()[r][NOT_REACHED] ? row[NOT_REACHED] : null)));
      r++;
    }
    boolean[] columns = shown.columnTotals();
    return new NoticeCoverage(
        noticeId,
        shown.grandTotal() ? java.util.Arrays.stream(totals).sum() : null,
        new ReachCounts(
            columns[PUSH] ? totals[PUSH] : null,
            columns[EMAIL] ? totals[EMAIL] : null,
            columns[FEED_ONLY] ? totals[FEED_ONLY] : null,
            columns[NOT_REACHED] ? totals[NOT_REACHED] : null),
        rows,
        io.kairan.api.reach.Withholding.MINIMUM_GROUP);
  }

  private static int column(Reach reach) {
    return switch (reach) {
      case PUSH -> PUSH;
      case EMAIL -> EMAIL;
      case FEED_ONLY -> FEED_ONLY;
      default -> NOT_REACHED;
    };
  }

  /** Where a resident lives now; "unknown" for a resident the API no longer knows. */
  @FunctionalInterface
  interface DistrictLookup {
    String of(String residentId);
  }
}
