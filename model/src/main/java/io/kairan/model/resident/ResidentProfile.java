package io.kairan.model.resident;

import io.kairan.model.Problems;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.LocalizedText;
import io.kairan.model.notice.MunicipalityCode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resident's opt-in profile. Only what matching needs: birth years rather than birth dates, a
 * district and a home point (the town's centre, not the house) rather than an address.
 */
public record ResidentProfile(
    String id,
    String municipalityCode,
    String district,
    GeoPoint home,
    int birthYear,
    List<Integer> childrenBirthYears,
    List<String> languages,
    Set<String> interests,
    Map<Category, Consent> consents,
    QuietHours quietHours,
    String timeZone,
    Set<String> accessibility,
    Instant updatedAt) {

  public static final String DEFAULT_TIME_ZONE = "Asia/Tokyo";

  public ResidentProfile {
    childrenBirthYears = childrenBirthYears == null ? List.of() : List.copyOf(childrenBirthYears);
    languages = languages == null || languages.isEmpty() ? List.of("ja") : List.copyOf(languages);
    interests = interests == null ? Set.of() : Set.copyOf(interests);
    consents = consents == null ? Map.of() : Map.copyOf(consents);
    timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
  }

  public boolean consentsTo(Category category) {
    Consent consent = consents.get(category);
    return consent != null && consent.granted();
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** The same profile with a new id, as the API does with the id from the caller's token. */
  public ResidentProfile withId(String newId, Instant at) {
    return new ResidentProfile(
        newId,
        municipalityCode,
        district,
        home,
        birthYear,
        childrenBirthYears,
        languages,
        interests,
        consents,
        quietHours,
        timeZone,
        accessibility,
        at);
  }

  /** The same profile with other consents, changed at {@code at} (a withdrawal, say). */
  public ResidentProfile withConsents(Map<Category, Consent> newConsents, Instant at) {
    return new ResidentProfile(
        id,
        municipalityCode,
        district,
        home,
        birthYear,
        childrenBirthYears,
        languages,
        interests,
        newConsents,
        quietHours,
        timeZone,
        accessibility,
        at);
  }

  public List<String> problems() {
    return problems(Year.now());
  }

  /** The problems as of {@code year}: birth years after it are refused. */
  public List<String> problems(Year year) {
    int thisYear = year.getValue();
    var problems =
        new Problems()
            .notBlank(id, "id")
            .maxLength(id, 100, "id")
            .require(
                MunicipalityCode.isValid(municipalityCode),
                "municipalityCode",
                "is not a JIS X 0402 code (6 digits with check digit)")
            .notBlank(district, "district")
            .maxLength(district, 100, "district")
            .require(
                birthYear >= 1890 && birthYear <= thisYear,
                "birthYear",
                "must be between 1890 and " + thisYear)
            .maxSize(childrenBirthYears, 20, "childrenBirthYears")
            .require(
                childrenBirthYears.stream()
                    .allMatch(y -> y != null && y >= 1900 && y <= thisYear + 1),
                "childrenBirthYears",
                "must be years between 1900 and " + (thisYear + 1))
            .maxSize(languages, 10, "languages")
            .require(
                languages.stream().allMatch(LocalizedText::isLanguageTag),
                "languages",
                "must be language tags such as ja, en, ja-x-easy")
            .maxSize(interests, 50, "interests")
            .require(
                interests.stream().allMatch(i -> i != null && !i.isBlank() && i.length() <= 100),
                "interests",
                "must be non-blank tags of at most 100 characters")
            .require(
                consents.values().stream().allMatch(c -> c != null && c.at() != null),
                "consents",
                "each consent needs its time")
            .maxSize(accessibility, 20, "accessibility")
            .require(
                accessibility.stream()
                    .allMatch(a -> a != null && !a.isBlank() && a.length() <= 100),
                "accessibility",
                "must be non-blank tags of at most 100 characters")
            .require(
                consents.keySet().stream().allMatch(c -> c != null),
                "consents",
                "must name known categories");
    problems.maxLength(timeZone, 60, "timeZone");
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      problems.add("timeZone", "is not a time zone id such as Asia/Tokyo");
    }
    if (home != null) {
      problems.addAll("home", home.problems());
    }
    if (quietHours != null) {
      problems
          .require(
              QuietHours.isTime(quietHours.start()),
              "quietHours.start",
              "must be a local time HH:mm such as 22:00")
          .require(
              QuietHours.isTime(quietHours.end()),
              "quietHours.end",
              "must be a local time HH:mm such as 07:00");
    }
    return problems.list();
  }
}
