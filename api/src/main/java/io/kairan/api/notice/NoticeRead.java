package io.kairan.api.notice;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.kairan.api.ledger.NoticeVersions;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notice as its publisher reads it: the current version's fields, as posted, and beside them
 * {@code versions}, what each version the API holds changed, oldest first. A PUT may send it back
 * as it is: {@link NoticeDraft} lets {@code versions} through unread.
 */
record NoticeRead(@JsonUnwrapped Notice notice, List<Version> versions) {

  /** One version in short: enough to see what changed and when, not its body. */
  record Version(
      int version,
      NoticeStatus status,
      Instant publishedAt,
      Severity severity,
      Category category,
      Map<String, String> title,
      Validity validity) {}

  static NoticeRead of(NoticeVersions held) {
    return new NoticeRead(
        held.current(),
        held.versions().stream()
            .map(
                v ->
                    new Version(
                        v.version(),
                        v.status(),
                        v.publishedAt(),
                        v.severity(),
                        v.category(),
                        v.title(),
                        v.validity()))
            .toList());
  }
}
