package io.kairan.model.resident;

import io.kairan.model.Problems;
import java.time.Instant;
import java.util.List;

/** A resident's reaction to a notice, keyed by resident id on feedback.v1. */
public record Feedback(String residentId, String noticeId, FeedbackKind kind, Instant at) {

  public List<String> problems() {
    return new Problems()
        .notBlank(residentId, "residentId")
        .maxLength(residentId, 100, "residentId")
        .notBlank(noticeId, "noticeId")
        .maxLength(noticeId, 100, "noticeId")
        .notNull(kind, "kind")
        .notNull(at, "at")
        .list();
  }
}
