package io.kairan.ingest.source;

import io.kairan.model.notice.Notice;

/** One thing a source says: publish this notice (any version), or withdraw an earlier one. */
public sealed interface Item {
  /** Where in the source it came from (row, guid, identifier), for the summary and dead letters. */
  String sourceRef();

  /** A notice as the source has it now; its version and status are set when it is published. */
  record Publish(Notice notice, String sourceRef) implements Item {}

  /** The source lifted or cancelled what it said before. */
  record Withdraw(String noticeId, String sourceRef, String reason) implements Item {}
}
