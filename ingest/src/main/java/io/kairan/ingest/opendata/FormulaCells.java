package io.kairan.ingest.opendata;

import java.util.regex.Pattern;

/**
 * Cells a spreadsheet would run as a formula (CSV injection): starting with {@code =}, {@code +},
 * {@code @}, a tab or a carriage return, or a {@code -} followed by a formula. A lone "-" (a "no
 * date" sentinel), a negative number and a dash before Japanese text ("- 参加無料") stay text.
 */
final class FormulaCells {
  private static final Pattern HARMLESS_DASH =
      Pattern.compile("-|-\\d+(\\.\\d+)?|-[\\s\\u3000]+[^\\x00-\\x7f].*", Pattern.DOTALL);

  private FormulaCells() {}

  static boolean isFormula(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char first = cell.charAt(0);
    if ("=+@\t\r".indexOf(first) >= 0) {
      return true;
    }
    return first == '-' && !HARMLESS_DASH.matcher(cell).matches();
  }

  static void refuse(String cell) {
    if (isFormula(cell)) {
      String shown =
          cell.charAt(0) == '\t' ? "\\t" : cell.charAt(0) == '\r' ? "\\r" : cell.substring(0, 1);
      throw new IllegalArgumentException(
          "a cell begins with '" + shown + "' (a spreadsheet formula), refused");
    }
  }
}
