package io.kairan.api.notice;

import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.ledger.NoticeVersions;
import io.kairan.model.Problems;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A publisher's own notices from the ledger, newest first (by first publication, then id, so an
 * update never moves a notice between pages), in pages that a cursor continues: the position of the
 * last notice given, so notices posted meanwhile do not shift the next page.
 */
@Component
class NoticeListing {
  static final int MAX_SIZE = 100;
  private static final Comparator<NoticeVersions> NEWEST_FIRST =
      Comparator.comparing(NoticeVersions::firstPublishedAt)
          .thenComparing(v -> v.current().id())
          .reversed();

  private final NoticeLedger ledger;

  NoticeListing(NoticeLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * @param items the current version of each notice on the page
   * @param next the cursor of the following page; null on the last one
   */
  record Page(List<Notice> items, String next) {}

  /** The query as sent: each part may be null (no filter, the default size, the first page). */
  record Query(String status, String category, Integer size, String cursor) {}

  Page page(String publisherId, Query query) {
    var problems = new Problems();
    NoticeStatus status = parse(NoticeStatus.class, query.status(), "status", problems);
    Category category = parse(Category.class, query.category(), "category", problems);
    int size = query.size() == null ? 20 : query.size();
    problems.require(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
    Position after = query.cursor() == null ? null : Position.parse(query.cursor(), problems);
    problems.throwIfAny();

    List<NoticeVersions> matching =
        ledger.ofPublisher(publisherId).stream()
            .filter(v -> status == null || v.current().status() == status)
            .filter(v -> category == null || v.current().category() == category)
            .filter(v -> after == null || after.isBefore(v))
            .sorted(NEWEST_FIRST)
            .toList();
    List<NoticeVersions> page = matching.subList(0, Math.min(size, matching.size()));
    String next = matching.size() > size ? Position.of(page.get(page.size() - 1)).cursor() : null;
    return new Page(page.stream().map(NoticeVersions::current).toList(), next);
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, Problems problems) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.require(false, field, "must be one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  /** Where a page ended: the first publication and id of its last notice. */
  private record Position(Instant firstPublishedAt, String id) {
    static Position of(NoticeVersions v) {
      return new Position(v.firstPublishedAt(), v.current().id());
    }

    /** Whether {@code v} comes after this position, newest first. */
    boolean isBefore(NoticeVersions v) {
      int byTime = v.firstPublishedAt().compareTo(firstPublishedAt);
      return byTime < 0 || (byTime == 0 && v.current().id().compareTo(id) < 0);
    }

    String cursor() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((firstPublishedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Position parse(String cursor, Problems problems) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = text.indexOf('|');
        if (bar > 0) {
          return new Position(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        // reported below
      }
      problems.require(false, "cursor", "is not a cursor this API gave (take it from next)");
      return null;
    }
  }
}
