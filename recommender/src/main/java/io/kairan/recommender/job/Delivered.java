package io.kairan.recommender.job;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;

/**
 * What the decide stage remembers of a notice it delivered to a resident: the version (to
 * de-duplicate), the category (to learn from feedback), the severity (an update pushes again when
 * it rises), and a push still pending on a counted day (to give the slot back if the notice is
 * withdrawn first).
 *
 * @param pendingPushAt epoch millis of a counted PUSH_AT, or 0
 * @param validUntil epoch millis when the notice's validity ends: then this record is forgotten
 */
public record Delivered(
    int version,
    Category category,
    Severity severity,
    PublisherKind publisherKind,
    long pendingPushAt,
    String pushDate,
    long validUntil) {

  /** The same record once its pending push no longer counts (the notice was withdrawn). */
  Delivered withoutPendingPush() {
    return new Delivered(version, category, severity, publisherKind, 0, pushDate, validUntil);
  }
}
