package io.kairan.recommender.match;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.QuietHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resident found eligible for a notice version, with what the policy stage needs to decide the
 * channel without looking the profile up again.
 *
 * @param fromProfileChange the match came from a new or changed profile, not from new news
 */
public record Match(
    String residentId,
    String noticeId,
    int noticeVersion,
    Category category,
    Severity severity,
    PublisherKind publisherKind,
    Map<String, String> title,
    List<String> reasons,
    double score,
    boolean fromProfileChange,
    QuietHours quietHours,
    String timeZone,
    String ruleVersion,
    Instant matchedAt) {}
