package io.kairan.recommender.match;

import io.kairan.model.notice.Audience;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Human-readable reasons a resident is in an audience ("you live in 北会津町", "your child is 4"): the
 * positive facts of the profile that the expression relied on.
 */
public final class Reasons {
  private Reasons() {}

  public static List<String> explain(Audience audience, ResidentProfile profile, Instant at) {
    Set<String> reasons = new LinkedHashSet<>();
    collect(audience, profile, AudienceMatcher.yearOf(at), reasons);
    return new ArrayList<>(reasons);
  }

  private static void collect(Audience audience, ResidentProfile p, int year, Set<String> out) {
    if (audience instanceof Audience.Everyone) {
      out.add("for everyone in the city");
    } else if (audience instanceof Audience.AllOf a) {
      a.all().forEach(part -> collect(part, p, year, out));
    } else if (audience instanceof Audience.AnyOf a) {
      // Only the alternatives that hold are reasons.
      a.any().stream()
          .filter(part -> AudienceMatcher.matches(part, p, year))
          .forEach(part -> collect(part, p, year, out));
    } else if (audience instanceof Audience.InMunicipality m) {
      out.add("you are registered in municipality " + m.code());
    } else if (audience instanceof Audience.InDistrict) {
      out.add("you live in " + p.district());
    } else if (audience instanceof Audience.AgeBetween) {
      out.add("you are " + (year - p.birthYear()));
    } else if (audience instanceof Audience.HasChildAgedBetween r) {
      p.childrenBirthYears().stream()
          .map(born -> year - born)
          .filter(age -> AudienceMatcher.within(age, r.min(), r.max()))
          .forEach(age -> out.add("your child is " + age));
    } else if (audience instanceof Audience.Speaks s) {
      out.add("you read " + s.language());
    } else if (audience instanceof Audience.InterestedIn i) {
      out.add("you follow " + i.interest());
    } else if (audience instanceof Audience.WithinPolygon
        || audience instanceof Audience.WithinCircle) {
      out.add("your home area (" + p.district() + ") is in the notice's area");
    }
    // Not: a reason never rests on what a resident is not.
  }
}
