package io.kairan.api.search;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Instant;
import java.util.List;

/**
 * A page of a resident's search.
 *
 * @param next the page to ask for next, null on the last
 */
public record SearchResult(String q, int page, int size, Integer next, List<FoundNotice> items) {

  /**
   * One notice found, in its current version, its title and body each by the reader's fallback
   * chain ({@code lang}, then easy Japanese, then Japanese; empty when it has no body).
   */
  public record FoundNotice(
      String noticeId,
      int version,
      Category category,
      Severity severity,
      String publisher,
      String title,
      String body,
      Validity validity,
      Instant publishedAt,
      double score) {}
}
