package io.kairan.ingest.publish;

import io.kairan.model.notice.Notice;

/** What an item does to notices.v1. */
public sealed interface Change {
  record Published(Notice notice) implements Change {}

  record Updated(Notice notice) implements Change {}

  record Withdrawn(Notice notice) implements Change {}

  /** Nothing to write: the same content, or nothing live to withdraw. */
  record Unchanged(String noticeId) implements Change {}
}
