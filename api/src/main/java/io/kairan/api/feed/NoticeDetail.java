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

/**
 * One notice the resident received, in its current version and in the resident's language (their
 * languages in order, then easy Japanese, then Japanese), with why they got it.
 *
 * @param ruleVersion the rule set that decided the resident's latest delivery of it
 * @param whatChanged when the current version corrects a mistake: what it puts right
 * @param sites for an emergency about a hazard: the sites named for the resident
 */
public record NoticeDetail(
    String noticeId,
    int version,
    Category category,
    Severity severity,
    String publisher,
    String title,
    String body,
    String url,
    GeoPoint location,
    Validity validity,
    Instant publishedAt,
    List<String> reasons,
    String ruleVersion,
    Channel channel,
    double score,
    Instant deliveredAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String whatChanged,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SiteAdvice> sites) {}
