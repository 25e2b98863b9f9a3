package io.kairan.model.delivery;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The decision that a resident gets one version of a notice. Carries the titles so that push needs
 * no lookup, and the reasons so that the resident can ask "why did I get this?".
 *
 * @param pushAt when a PUSH_AT delivery is due; equals decidedAt otherwise
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
    Instant decidedAt) {

  public Delivery {
    title = title == null ? Map.of() : Map.copyOf(title);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
