package io.kairan.ingest.opendata;

import io.kairan.ingest.source.NoticeIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stable notice ids for event-list rows. Rows sharing an ID are one event only when they share the
 * title too (the dates may differ): the title of the ID's first row keeps the plain ID's notice, so
 * appending rows never renames an existing notice, and every other title under that ID gets its own
 * notice. A row without an ID is identified by its content, so a re-read is unchanged.
 */
final class EventIds {
  private EventIds() {}

  /** The rows of each notice, by notice id, in the order of their first row. */
  static <R> Map<String, List<R>> group(
      List<R> rows,
      Function<R, String> municipality,
      Function<R, String> id,
      Function<R, String> title,
      Function<R, List<String>> content) {
    Map<String, String> firstTitle = new HashMap<>();
    Map<String, List<R>> events = new LinkedHashMap<>();
    for (R row : rows) {
      String code = municipality.apply(row);
      String rowId = id.apply(row);
      String noticeId;
      if (rowId.isBlank()) {
        List<String> parts = new ArrayList<>(List.of(code, "content"));
        parts.addAll(content.apply(row));
        noticeId = NoticeIds.of("od", parts.toArray(String[]::new));
      } else {
        String first = firstTitle.computeIfAbsent(code + "/" + rowId, k -> title.apply(row));
        noticeId =
            first.equals(title.apply(row))
                ? NoticeIds.of("od", code, rowId)
                : NoticeIds.of("od", code, rowId, title.apply(row));
      }
      events.computeIfAbsent(noticeId, k -> new ArrayList<>()).add(row);
    }
    return events;
  }
}
