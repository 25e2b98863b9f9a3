package io.kairan.recommender.match;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Evaluates an audience expression against one profile: the plain scan, which stays as the
 * reference for any faster index.
 */
public final class AudienceMatcher {
  private AudienceMatcher() {}

  /** Whether the profile is in the audience, with ages counted at {@code at}. */
  public static boolean matches(Audience audience, ResidentProfile profile, Instant at) {
    return matches(audience, profile, yearOf(at));
  }

  static int yearOf(Instant at) {
    return at.atZone(ZoneOffset.UTC).getYear();
  }

  static boolean matches(Audience audience, ResidentProfile p, int year) {
    if (audience instanceof Audience.Everyone) {
      return true;
    } else if (audience instanceof Audience.AllOf a) {
      return a.all().stream().allMatch(part -> matches(part, p, year));
    } else if (audience instanceof Audience.AnyOf a) {
      return a.any().stream().anyMatch(part -> matches(part, p, year));
    } else if (audience instanceof Audience.Not n) {
      return !matches(n.not(), p, year);
    } else if (audience instanceof Audience.InMunicipality m) {
      return m.code().equals(p.municipalityCode());
    } else if (audience instanceof Audience.InDistrict d) {
      return d.districts().contains(p.district());
    } else if (audience instanceof Audience.AgeBetween r) {
      return within(year - p.birthYear(), r.min(), r.max());
    } else if (audience instanceof Audience.HasChildAgedBetween r) {
      return p.childrenBirthYears().stream()
          .anyMatch(born -> within(year - born, r.min(), r.max()));
    } else if (audience instanceof Audience.Speaks s) {
      return speaks(p.languages(), s.language());
    } else if (audience instanceof Audience.InterestedIn i) {
      return p.interests().contains(i.interest());
    } else if (audience instanceof Audience.WithinPolygon
        || audience instanceof Audience.WithinCircle) {
      return p.home() != null && contains(audience, p.home());
    }
    throw new IllegalArgumentException("unknown audience " + audience);
  }

  /** Whether a geographic audience's area holds the point. */
  static boolean contains(Audience area, GeoPoint point) {
    if (area instanceof Audience.WithinPolygon polygon) {
      return Geo.inPolygon(point, polygon.points());
    }
    Audience.WithinCircle c = (Audience.WithinCircle) area;
    return Geo.distanceKm(point, c.center()) <= c.radiusKm();
  }

  static boolean within(int age, int min, int max) {
    return age >= min && age <= max;
  }

  /** "ja" is read by a resident who reads ja-x-easy and the other way round: same base language. */
  static boolean speaks(List<String> languages, String language) {
    // Equivalent to comparing base languages; ProfileIndex indexes by base for the same answer.
    String wanted = language.split("-")[0];
    return languages.stream()
        .anyMatch(l -> l.equalsIgnoreCase(language) || l.split("-")[0].equalsIgnoreCase(wanted));
  }
}
