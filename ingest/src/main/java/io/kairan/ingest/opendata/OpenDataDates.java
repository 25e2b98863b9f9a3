package io.kairan.ingest.opendata;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** 令和 began in 2019 (元年), 平成 in 1989, 昭和 in 1926: year N of an era is start + N − 1. */
  private static final Map<String, Integer> ERAS = Map.of("令和", 2018, "平成", 1988, "昭和", 1925);

  private static final Pattern JAPANESE_YEAR = Pattern.compile("^(令和|平成|昭和)(元|\\d{1,2})年");

  private static String westernYear(String text) {
    Matcher m = JAPANESE_YEAR.matcher(text);
    if (!m.find()) {
      return text;
    }
    int year = ERAS.get(m.group(1)) + (m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2)));
    return year + "年" + text.substring(m.end());
  }

  /**
   * Empty for a blank cell or a sentinel; throws for text that is no date at all. Full-width digits
   * and separators are folded first (NFKC), and 和暦 (令和8年11月26日, 令和元年…) becomes the Western year.
   */
  static Optional<LocalDate> date(String cell) {
    String text = cell == null ? "" : Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    if (SENTINELS.contains(text)) {
      return Optional.empty();
    }
    text = westernYear(text);
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
    String text = cell == null ? "" : Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
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
