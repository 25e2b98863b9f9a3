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
 */
public record Delivered(
    int version,
    Category category,
    Severity severity,
    PublisherKind publisherKind,
    long pendingPushAt,
    String pushDate) {}
