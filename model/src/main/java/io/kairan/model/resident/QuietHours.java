package io.kairan.model.resident;

import java.time.LocalTime;
import java.util.regex.Pattern;

/**
 * Local times ("22:00" to "07:00") between which no push is sent except emergencies; may wrap
 * midnight. Kept as text: the stream processor serializes it without Kryo.
 */
public record QuietHours(String start, String end) {

  // Exactly HH:mm, 00:00 to 23:59: what the job parses, and nothing else ("25:00", "7:00", "xx").
  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  /** True for a local time written as HH:mm ("07:00", "22:30"). */
  public static boolean isTime(String text) {
    return text != null && HH_MM.matcher(text).matches();
  }

  public LocalTime startTime() {
    return LocalTime.parse(start);
  }

  public LocalTime endTime() {
    return LocalTime.parse(end);
  }

  public boolean contains(LocalTime time) {
    LocalTime from = startTime();
    LocalTime to = endTime();
    if (from.equals(to)) {
      return false;
    }
    if (from.isBefore(to)) {
      return !time.isBefore(from) && time.isBefore(to);
    }
    return !time.isBefore(from) || time.isBefore(to);
  }
}
