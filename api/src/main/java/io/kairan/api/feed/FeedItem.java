package io.kairan.api.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.site.SiteAdvice;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notice in a resident's feed, in its current version, with why the resident got it.
 *
 * @param correction when the current version corrects a mistake: what it puts right, per language
 * @param sites for an emergency about a hazard: the nearest evacuation site safe for it from the
 *     resident's home, and a shelter that takes in their needs (names and addresses as the city
 *     lists them)
 */
public record FeedItem(
    String noticeId,
    int version,
    Category category,
    Severity severity,
    String publisher,
    Map<String, String> title,
    Map<String, String> body,
    String url,
    GeoPoint location,
    Validity validity,
    List<String> reasons,
    Channel channel,
    double score,
    Instant deliveredAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> correction,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SiteAdvice> sites) {}
