package io.kairan.recommender.job;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * What the decide stage needs of a corrected notice to reach a resident who was given an earlier
 * version but is no longer in its audience: the matching stage never sees such a resident.
 */
public record Correction(
    String noticeId,
    int version,
    Category category,
    Severity severity,
    PublisherKind publisherKind,
    Map<String, String> title,
    Instant publishedAt,
    Instant validUntil,
    Hazard hazard) {

  static Correction of(Notice notice) {
    return new Correction(
        notice.id(),
        notice.version(),
        notice.category(),
        notice.severity(),
        notice.publisher().kind(),
        notice.title(),
        notice.publishedAt(),
        notice.validity().until(),
        notice.hazard());
  }
}
