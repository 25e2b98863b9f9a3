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
    return audience.accept(new Scan(p, year));
  }

  /** The plain scan of one profile, ages counted in {@code year}. */
  private record Scan(ResidentProfile p, int year) implements Audience.Visitor<Boolean> {
    @Override
    public Boolean everyone(Audience.Everyone everyone) {
      return true;
    }

    @Override
    public Boolean allOf(Audience.AllOf a) {
      return a.all().stream().allMatch(part -> part.accept(this));
    }

    @Override
    public Boolean anyOf(Audience.AnyOf a) {
      return a.any().stream().anyMatch(part -> part.accept(this));
    }

    @Override
    public Boolean not(Audience.Not n) {
      return !n.not().accept(this);
    }

    @Override
    public Boolean municipality(Audience.InMunicipality m) {
      return m.code().equals(p.municipalityCode());
    }

    @Override
    public Boolean district(Audience.InDistrict d) {
      return d.districts().contains(p.district());
    }

    @Override
    public Boolean age(Audience.AgeBetween r) {
      return within(year - p.birthYear(), r.min(), r.max());
    }

    @Override
    public Boolean childAge(Audience.HasChildAgedBetween r) {
      return p.childrenBirthYears().stream()
          .anyMatch(born -> within(year - born, r.min(), r.max()));
    }

    @Override
    public Boolean language(Audience.Speaks s) {
      return speaks(p.languages(), s.language());
    }

    @Override
    public Boolean interest(Audience.InterestedIn i) {
      return p.interests().contains(i.interest());
    }

    @Override
    public Boolean polygon(Audience.WithinPolygon polygon) {
      return p.home() != null && Geo.inPolygon(p.home(), polygon.points());
    }

    @Override
    public Boolean circle(Audience.WithinCircle circle) {
      return p.home() != null && inCircle(p.home(), circle);
    }
  }

  static boolean inCircle(GeoPoint point, Audience.WithinCircle c) {
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
