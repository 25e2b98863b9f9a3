package io.kairan.model.resident;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Local times ("22:00" to "07:00") between which no push is sent except emergencies; may wrap
 * midnight. Kept as text: the stream processor serializes it without Kryo.
 */
public record QuietHours(String start, String end) {

  public static boolean isTime(String text) {
    try {
      LocalTime.parse(text);
      return true;
    } catch (DateTimeParseException | NullPointerException e) {
      return false;
    }
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
