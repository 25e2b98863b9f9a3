package io.kairan.api.search;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Instant;
import java.util.Map;

/** Notices for the search's tests: a department's childcare notice, version 2, valid a day. */
final class TestNotices {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private TestNotices() {}

  static Notice notice(String id, Map<String, String> title, Map<String, String> body) {
    return new Notice(
        id,
        2,
        new Publisher("dept-1", "会津若松市 こども家庭課", PublisherKind.DEPARTMENT),
        "072028",
        Category.CHILDCARE,
        title,
        body,
        null,
        null,
        new Validity(NOW, NOW.plusSeconds(86_400)),
        Severity.IMPORTANT,
        NoticeStatus.UPDATED,
        null,
        NOW);
  }
}
