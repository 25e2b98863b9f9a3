package io.kairan.ingest.source;

import io.kairan.model.notice.Notice;

/**
 * One thing a source says: publish this notice (any version), or withdraw an earlier one. A notice
 * to publish is made safe text on the way in, so no connector can forget it.
 */
public sealed interface Item {
  /** Where in the source it came from (row, guid, identifier), for the summary and dead letters. */
  String sourceRef();

  /** A notice as the source has it now; its version and status are set when it is published. */
  record Publish(Notice notice, String sourceRef) implements Item {
    public Publish {
      notice = SafeNotices.of(notice);
    }
  }

  /**
   * A notice that should exist: published when unknown or withdrawn, left alone otherwise (a
   * warning that continues must not push again with every report).
   */
  record Ensure(Notice notice, String sourceRef) implements Item {
    public Ensure {
      notice = SafeNotices.of(notice);
    }
  }

  /** Every live notice whose id starts with the prefix is withdrawn ("no warnings in force"). */
  record WithdrawAll(String idPrefix, String sourceRef, String reason) implements Item {}

  /** The source lifted or cancelled what it said before. */
  record Withdraw(String noticeId, String sourceRef, String reason) implements Item {}
}
