package io.kairan.ingest.opendata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The date and time styles found in municipal event lists, and their "no date" sentinels. */
final class OpenDataDates {
  private static final Set<String> SENTINELS =
      Set.of("", "-", "ー", "―", "未定", "随時", "9999-12-31", "9999/12/31", "0000-00-00", "0000/00/00");
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-M-d"),
          DateTimeFormatter.ofPattern("uuuu/M/d"),
          DateTimeFormatter.ofPattern("uuuu年M月d日"),
          DateTimeFormatter.ofPattern("uuuu.M.d"),
          DateTimeFormatter.BASIC_ISO_DATE);

  private OpenDataDates() {}

  /** Empty for a blank cell or a sentinel; throws for text that is no date at all. */
  static Optional<LocalDate> date(String cell) {
    String text = cell == null ? "" : cell.strip();
    if (SENTINELS.contains(text)) {
      return Optional.empty();
    }
    // A time part sometimes trails the date ("2026-08-04T00:00:00", "2026/08/04 0:00").
    String datePart = text.split("[T ]")[0];
    for (DateTimeFormatter format : DATES) {
      try {
        return Optional.of(LocalDate.parse(datePart, format));
      } catch (DateTimeParseException e) {
        // try the next style
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a date");
  }

  static Optional<LocalTime> time(String cell) {
    String text = cell == null ? "" : cell.strip().replace('：', ':');
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalTime.parse(
              text.length() == 4 && text.charAt(1) == ':'
                  ? "0" + text
                  : text.length() > 5 ? text.substring(0, 5) : text));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // "午前中", "10時頃": left to the text, not an error
    }
  }
}
