package io.kairan.recommender.match;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.QuietHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resident found eligible for a notice version, with the facts the decide stage scores and
 * decides on under the active rule set, so it never looks the profile up again.
 *
 * @param interestHits how many of the audience's interests the resident follows
 * @param distanceKm from the resident's home to the notice's location; null when either is unknown
 * @param fromProfileChange the match came from a new or changed profile, not from new news
 * @param significantChange the version is a change its publisher marked significant: a resident who
 *     has an earlier version is pushed again
 * @param validUntil the end of the notice's validity: what the decide stage remembers of it goes
 * @param hazard what an emergency is about, or null: the delivery then names a safe site
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
    int interestHits,
    Double distanceKm,
    Instant publishedAt,
    boolean fromProfileChange,
    boolean significantChange,
    QuietHours quietHours,
    String timeZone,
    Instant matchedAt,
    Instant validUntil,
    Hazard hazard) {}
