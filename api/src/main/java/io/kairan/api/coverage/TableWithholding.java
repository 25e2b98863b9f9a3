package io.kairan.api.coverage;

import io.kairan.api.reach.Withholding;

/**
 * Withholds the small cells of a table of counts (reach by district) so that no figure shown, and
 * no difference of them, points at fewer than 10 residents. Zero is shown: it points at nobody.
 *
 * <ol>
 *   <li>A cell from 1 to 9 is withheld.
 *   <li>A column's total from 1 to 9 is withheld (all its cells that are not zero are withheld by
 *       1). Where a column's total is shown, it less the cells shown is the sum of those withheld:
 *       the smallest shown cells are withheld too until at least two are and they hold 10 or more.
 *   <li>A row's total is shown only where none of its cells is withheld.
 *   <li>The grand total is known anyway (a notice's figures show the residents it reached): so when
 *       a column's total is from 1 to 9, the other columns would give it away by subtraction, and
 *       nothing but the grand total is shown.
 * </ol>
 *
 * So every subtraction a reader can do (a shown total less the cells shown beside it, the grand
 * total less the columns shown) gives 0 or at least 10.
 */
final class TableWithholding {
  private TableWithholding() {}

  /** What is shown of a table: per cell, per row and column total, and the grand total. */
  record Shown(
      boolean[][] cells, boolean[] rowTotals, boolean[] columnTotals, boolean grandTotal) {}

  static Shown of(long[][] counts, int columns) {
    int rows = counts.length;
    boolean[][] hidden = new boolean[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        hidden[r][c] = small(counts[r][c]);
      }
    }
    boolean[] columnShown = new boolean[columns];
    boolean anySmallColumn = false;
    long grandTotal = 0;
    for (int c = 0; c < columns; c++) {
      long total = 0;
      for (long[] row : counts) {
        total += row[c];
      }
      grandTotal += total;
      columnShown[c] = !small(total);
      anySmallColumn |= !columnShown[c];
      if (columnShown[c]) {
        protectColumn(counts, hidden, c);
      }
    }
    if (anySmallColumn) {
      for (int c = 0; c < columns; c++) {
        columnShown[c] = false;
        for (boolean[] row : hidden) {
          row[c] = true;
        }
      }
    }
    boolean[][] cells = new boolean[rows][columns];
    boolean[] rowShown = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      rowShown[r] = true;
      for (int c = 0; c < columns; c++) {
        cells[r][c] = !hidden[r][c];
        rowShown[r] &= cells[r][c];
      }
    }
    return new Shown(cells, rowShown, columnShown, !small(grandTotal));
  }

  static boolean small(long count) {
    return count > 0 && Withholding.withholds(count);
  }

  private static void protectColumn(long[][] counts, boolean[][] hidden, int c) {
    while (true) {
      int hiddenCount = 0;
      long hiddenSum = 0;
      int smallest = -1;
      for (int r = 0; r < counts.length; r++) {
        long count = counts[r][c];
        if (hidden[r][c]) {
          hiddenCount++;
          hiddenSum += count;
        } else if (count > 0 && (smallest < 0 || count < counts[smallest][c])) {
          smallest = r;
        }
      }
      if (hiddenCount == 0 || (hiddenCount >= 2 && !small(hiddenSum)) || smallest < 0) {
        return;
      }
      hidden[smallest][c] = true;
    }
  }
}
