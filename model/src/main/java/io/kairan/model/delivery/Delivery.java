package io.kairan.model.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.site.SiteAdvice;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The decision that a resident gets one version of a notice. Carries the titles so that push needs
 * no lookup, and the reasons so that the resident can ask "why did I get this?".
 *
 * @param pushAt when a PUSH_AT delivery is due; equals decidedAt otherwise
 * @param sites for an emergency with a hazard: the nearest site safe for it from the resident's
 *     home, and the nearest shelter that takes in people with the resident's needs, if any
 */
public record Delivery(
    String id,
    String residentId,
    String noticeId,
    int noticeVersion,
    Category category,
    Severity severity,
    Map<String, String> title,
    double score,
    List<String> reasons,
    String ruleVersion,
    Channel channel,
    Instant pushAt,
    Instant decidedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SiteAdvice> sites) {

  public Delivery {
    title = title == null ? Map.of() : Map.copyOf(title);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    sites = sites == null ? List.of() : List.copyOf(sites);
  }

  /** A delivery that names no site. */
  public Delivery(
      String id,
      String residentId,
      String noticeId,
      int noticeVersion,
      Category category,
      Severity severity,
      Map<String, String> title,
      double score,
      List<String> reasons,
      String ruleVersion,
      Channel channel,
      Instant pushAt,
      Instant decidedAt) {
    this(
        id,
        residentId,
        noticeId,
        noticeVersion,
        category,
        severity,
        title,
        score,
        reasons,
        ruleVersion,
        channel,
        pushAt,
        decidedAt,
        List.of());
  }
}
