package io.kairan.api.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A table of reach by district, shown with its totals: what a reader sees, and what they can work
 * out by subtracting, never points at 1 to 9 residents.
 */
class TableWithholdingTest {

  @Test
  void aSmallCellAloneInItsColumnTakesTheColumnsSmallestOtherCellWithIt() {
    // Not reached: 3 in 北会津町, 40 in 湊町, 25 in 河東町; the column's total 68 is shown.
    long[][] counts = {{50, 12, 3}, {60, 0, 40}, {70, 15, 25}};

    var shown = TableWithholding.of(counts, 3);

    assertThat(shown.cells()[0][2]).isFalse();
    assertThat(shown.cells()[2][2]).as("25, the smallest other, goes with the 3").isFalse();
    assertThat(shown.cells()[1][2]).isTrue();
    assertThat(shown.rowTotals()).containsExactly(false, true, false);
    assertThat(shown.columnTotals()).containsExactly(true, true, true);
    assertThat(shown.grandTotal()).isTrue();
  }

  @Test
  void zeroIsShownItPointsAtNobody() {
    long[][] counts = {{120, 30, 0}};

    var shown = TableWithholding.of(counts, 3);

    assertThat(shown.cells()[0]).containsExactly(true, true, true);
    assertThat(shown.rowTotals()).containsExactly(true);
  }

  @Test
  void aColumnWhoseTotalIsSmallLeavesOnlyTheGrandTotalWhichTheFiguresShowAnyway() {
    // 3 not reached: with the grand total 135 known, any other column would give the 3 away.
    long[][] counts = {{50, 12, 2}, {60, 10, 1}};

    var shown = TableWithholding.of(counts, 3);

    assertThat(shown.columnTotals()).containsExactly(false, false, false);
    assertThat(shown.grandTotal()).isTrue();
    for (boolean[] row : shown.cells()) {
      assertThat(row).containsOnly(false);
    }
    assertThat(shown.rowTotals()).containsOnly(false);
  }

  @Test
  void subtractingWhatIsShownRecoversNoCountFromOneToNine() {
    Random random = new Random(20261126);
    for (int run = 0; run < 20_000; run++) {
      int rows = 1 + random.nextInt(6);
      long[][] counts = new long[rows][3];
      for (long[] row : counts) {
        for (int c = 0; c < 3; c++) {
          row[c] =
              switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> 1 + random.nextInt(12);
                default -> random.nextInt(80);
              };
        }
      }

      var shown = TableWithholding.of(counts, 3);

      List<Long> learned = new ArrayList<>();
      long grand = 0;
      long columnTotalsShown = 0;
      for (int c = 0; c < 3; c++) {
        long total = 0;
        long shownCells = 0;
        for (int r = 0; r < rows; r++) {
          total += counts[r][c];
          if (shown.cells()[r][c]) {
            shownCells += counts[r][c];
            learned.add(counts[r][c]);
          }
        }
        grand += total;
        if (shown.columnTotals()[c]) {
          learned.add(total);
          learned.add(total - shownCells); // the column's withheld cells together
          columnTotalsShown += total;
        }
      }
      for (int r = 0; r < rows; r++) {
        if (shown.rowTotals()[r]) {
          long total = counts[r][0] + counts[r][1] + counts[r][2];
          long shownCells = 0;
          for (int c = 0; c < 3; c++) {
            shownCells += shown.cells()[r][c] ? counts[r][c] : 0;
          }
          learned.add(total);
          learned.add(total - shownCells);
        }
      }
      if (!TableWithholding.small(grand)) {
        // The grand total is known even when not shown here: the notice's figures show it.
        learned.add(grand);
        learned.add(grand - columnTotalsShown); // the columns withheld together
      }
      long[][] table = counts;
      assertThat(learned)
          .as("table %s", java.util.Arrays.deepToString(table))
          .allMatch(count -> count == 0 || count >= 10);
    }
  }
}
