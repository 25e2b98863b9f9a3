package io.kairan.api.notice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.text.SafeText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a publisher sends; the id, version, publisher and status are the server's to set.
 *
 * @param significantChange on PUT: true makes the new version a {@link NoticeStatus#CHANGED} one,
 *     pushed again with its titles marked as changed; absent or false makes a silent update. A POST
 *     ignores it (a new notice is pushed anyway).
 * @param hazard what an emergency is about (FLOOD, LANDSLIDE, EARTHQUAKE…, the GSI's columns): each
 *     resident's delivery then names the nearest evacuation site safe for it
 * @param whatChanged on a correction (POST .../correct), required: what the correction puts right,
 *     per language, shown to every resident who was sent an earlier version. Refused elsewhere.
 */
// A notice as read (GET) may be sent back: the fields the server sets are let through, unread.
@JsonIgnoreProperties({
  "id",
  "version",
  "publisher",
  "status",
  "publishedAt",
  "versions",
  "correction"
})
public record NoticeDraft(
    String municipalityCode,
    Category category,
    Map<String, String> title,
    Map<String, String> body,
    String url,
    GeoPoint location,
    Validity validity,
    Severity severity,
    Audience audience,
    Boolean significantChange,
    Map<String, String> whatChanged,
    Hazard hazard) {

  /** A draft of an update, significant or not. */
  public NoticeDraft(
      String municipalityCode,
      Category category,
      Map<String, String> title,
      Map<String, String> body,
      String url,
      GeoPoint location,
      Validity validity,
      Severity severity,
      Audience audience,
      Boolean significantChange) {
    this(
        municipalityCode,
        category,
        title,
        body,
        url,
        location,
        validity,
        severity,
        audience,
        significantChange,
        null,
        null);
  }

  /** A draft of a new notice, or of an ordinary (silent) update. */
  public NoticeDraft(
      String municipalityCode,
      Category category,
      Map<String, String> title,
      Map<String, String> body,
      String url,
      GeoPoint location,
      Validity validity,
      Severity severity,
      Audience audience) {
    this(
        municipalityCode,
        category,
        title,
        body,
        url,
        location,
        validity,
        severity,
        audience,
        null,
        null,
        null);
  }

  boolean isSignificantChange() {
    return Boolean.TRUE.equals(significantChange);
  }

  /**
   * The notice as published: bodies cut down to the safe HTML subset, titles of a significant
   * change marked. Titles are not cleaned here: one with markup is refused by {@link
   * Notice#problems()}.
   */
  Notice toNotice(String id, int version, Publisher publisher, NoticeStatus status, Instant at) {
    Map<String, String> titles = withoutNullTexts(title, "");
    return new Notice(
        id,
        version,
        publisher,
        municipalityCode,
        category,
        switch (status) {
          case CHANGED -> ChangedTitles.mark(titles);
          case CORRECTED -> ChangedTitles.markCorrected(titles);
          default -> titles;
        },
        SafeText.bodies(withoutNullTexts(body, null)),
        url,
        location,
        validity,
        severity,
        status,
        audience,
        at,
        status == NoticeStatus.CORRECTED ? withoutNullTexts(whatChanged, "") : Map.of(),
        hazard);
  }

  /** An empty map says nothing: generated clients send one for every absent map. */
  boolean saysWhatChanged() {
    return whatChanged != null && !whatChanged.isEmpty();
  }

  // JSON may carry {"en": null}: an empty title is then refused by validation (a 400 naming it),
  // an empty body is simply no body in that language, instead of a 500 from Map.copyOf.
  private static Map<String, String> withoutNullTexts(Map<String, String> texts, String empty) {
    var kept = new LinkedHashMap<String, String>();
    if (texts != null) {
      texts.forEach(
          (lang, text) -> {
            if (text != null) {
              kept.put(lang, text);
            } else if (empty != null) {
              kept.put(lang, empty);
            }
          });
    }
    return kept;
  }
}
