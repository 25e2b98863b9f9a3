package io.kairan.api.comparison;

import io.kairan.model.Problems;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A comparison's window of decision times, checked: from inclusive, to exclusive. */
record Window(Instant from, Instant to) {

  /** The window the query names, or a 400 problem naming each bad parameter. */
  static Window of(String from, String to, Duration longest) {
    Problems problems = new Problems();
    Instant start = instant(from, "from", problems);
    Instant end = instant(to, "to", problems);
    if (start != null && end != null) {
      problems.require(end.isAfter(start), "to", "must be after from");
      problems.require(
          Duration.between(start, end).compareTo(longest) <= 0,
          "to",
          "the window must be at most " + longest.toDays() + " days");
    }
    problems.throwIfAny();
    return new Window(start, end);
  }

  private static Instant instant(String text, String name, Problems problems) {
    if (text == null || text.isBlank()) {
      problems.add(name, "is required, an instant like 2026-11-01T00:00:00Z");
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(name, "must be an instant like 2026-11-01T00:00:00Z");
      return null;
    }
  }
}
