package io.kairan.model.notice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.kairan.model.Problems;
import io.kairan.model.text.SafeText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a notice. Titles and bodies are per language (BCP 47 tag to text), so a resident
 * reads it in easy Japanese or their own language where the publisher gave one.
 */
public record Notice(
    String id,
    int version,
    Publisher publisher,
    String municipalityCode,
    Category category,
    Map<String, String> title,
    Map<String, String> body,
    String url,
    GeoPoint location,
    Validity validity,
    Severity severity,
    NoticeStatus status,
    Audience audience,
    Instant publishedAt,
    // Absent from the wire unless set: every other version's record stays as it was.
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> correction,
    // The hazard an emergency is about: its residents are sent to a site safe for it.
    @JsonInclude(JsonInclude.Include.NON_NULL) Hazard hazard) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 10_000;
  public static final int MAX_CORRECTION = 1_000;

  public Notice {
    title = title == null ? Map.of() : Map.copyOf(title);
    body = body == null ? Map.of() : Map.copyOf(body);
    correction = correction == null ? Map.of() : Map.copyOf(correction);
  }

  /** A notice that corrects nothing and names no hazard. */
  public Notice(
      String id,
      int version,
      Publisher publisher,
      String municipalityCode,
      Category category,
      Map<String, String> title,
      Map<String, String> body,
      String url,
      GeoPoint location,
      Validity validity,
      Severity severity,
      NoticeStatus status,
      Audience audience,
      Instant publishedAt) {
    this(
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
        publishedAt,
        Map.of(),
        null);
  }

  /** The title in the first of the languages the notice has, else any title it has. */
  public String titleIn(List<String> languages) {
    return LocalizedText.pick(title, languages);
  }

  /** The same notice under another id: a source's item becomes its notice (or a new generation). */
  public Notice withId(String newId) {
    return rebuilt(newId, version, status, publishedAt, hazard);
  }

  /** The same content as another version: updates and withdrawals are made this way. */
  public Notice withVersion(int newVersion, NoticeStatus newStatus, Instant at) {
    return rebuilt(id, newVersion, newStatus, at, hazard);
  }

  /** The same notice about a hazard (an alert's words name it). */
  public Notice withHazard(Hazard newHazard) {
    return rebuilt(id, version, status, publishedAt, newHazard);
  }

  private Notice rebuilt(
      String newId, int newVersion, NoticeStatus newStatus, Instant at, Hazard newHazard) {
    return new Notice(
        newId,
        newVersion,
        publisher,
        municipalityCode,
        category,
        title,
        body,
        url,
        location,
        validity,
        severity,
        newStatus,
        audience,
        at,
        correction,
        newHazard);
  }

  /** Derived from the status, so not a field of the wire format (see TopicRecordFormatTest). */
  @JsonIgnore
  public boolean isWithdrawn() {
    return status == NoticeStatus.WITHDRAWN;
  }

  public List<String> problems() {
    var problems =
        new Problems()
            .notBlank(id, "id")
            .maxLength(id, 100, "id")
            .require(version >= 1, "version", "must be 1 or more")
            .notNull(publisher, "publisher")
            .require(
                MunicipalityCode.isValid(municipalityCode),
                "municipalityCode",
                "is not a JIS X 0402 code (6 digits with check digit)")
            .notNull(category, "category")
            .require(!title.isEmpty(), "title", "needs at least one language")
            .notNull(validity, "validity")
            .notNull(severity, "severity")
            .notNull(status, "status")
            .notNull(audience, "audience")
            .maxLength(url, 2000, "url")
            .require(
                url == null || url.startsWith("https://") || url.startsWith("http://"),
                "url",
                "must be an http(s) URL")
            .maxSize(title, 20, "title")
            .maxSize(body, 20, "body");
    title.forEach(
        (lang, text) ->
            problems
                .notBlank(text, "title." + lang)
                .maxLength(text, MAX_TITLE, "title." + lang)
                .require(!SafeText.hasMarkup(text), "title." + lang, "must be plain text, no tags")
                .require(
                    LocalizedText.isLanguageTag(lang), "title." + lang, "is not a language tag"));
    body.forEach(
        (lang, text) ->
            problems
                .maxLength(text, MAX_BODY, "body." + lang)
                .require(
                    LocalizedText.isLanguageTag(lang), "body." + lang, "is not a language tag"));
    // A correction says what it puts right, so a resident who acted on the mistake knows.
    problems.require(
        status != NoticeStatus.CORRECTED || !correction.isEmpty(),
        "correction",
        "a correction must say what changed, in at least one language");
    problems.maxSize(correction, 20, "correction");
    correction.forEach(
        (lang, text) ->
            problems
                .notBlank(text, "correction." + lang)
                .maxLength(text, MAX_CORRECTION, "correction." + lang)
                .require(
                    !SafeText.hasMarkup(text), "correction." + lang, "must be plain text, no tags")
                .require(
                    LocalizedText.isLanguageTag(lang),
                    "correction." + lang,
                    "is not a language tag"));
    if (publisher != null) {
      problems.addAll("publisher", publisher.problems());
    }
    if (location != null) {
      problems.addAll("location", location.problems());
    }
    if (validity != null) {
      problems.addAll("validity", validity.problems());
    }
    if (audience != null) {
      problems.merge(audience.problems());
    }
    return problems.list();
  }
}
