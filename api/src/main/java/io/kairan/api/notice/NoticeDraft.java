package io.kairan.api.notice;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Instant;
import java.util.Map;

/** What a publisher sends; the id, version, publisher and status are the server's to set. */
public record NoticeDraft(
    String municipalityCode,
    Category category,
    Map<String, String> title,
    Map<String, String> body,
    String url,
    GeoPoint location,
    Validity validity,
    Severity severity,
    Audience audience) {

  Notice toNotice(String id, int version, Publisher publisher, NoticeStatus status, Instant at) {
    return new Notice(
        id,
        version,
        publisher,
        municipalityCode,
        category,
        title,
        body,
        url,
        location,
        validity,
        severity,
        status,
        audience,
        at);
  }
}
