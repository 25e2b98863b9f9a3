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
    audience.accept(new Collector(p, year, out));
  }

  /** Adds the reasons of one expression; returns nothing, so every kind says what it adds. */
  private record Collector(ResidentProfile p, int year, Set<String> out)
      implements Audience.Visitor<Void> {
    @Override
    public Void everyone(Audience.Everyone everyone) {
      out.add("for everyone in the city");
      return null;
    }

    @Override
    public Void allOf(Audience.AllOf a) {
      a.all().forEach(part -> part.accept(this));
      return null;
    }

    @Override
    public Void anyOf(Audience.AnyOf a) {
      // Only the alternatives that hold are reasons.
      a.any().stream()
          .filter(part -> AudienceMatcher.matches(part, p, year))
          .forEach(part -> part.accept(this));
      return null;
    }

    @Override
    public Void not(Audience.Not n) {
      return null; // a reason never rests on what a resident is not
    }

    @Override
    public Void municipality(Audience.InMunicipality m) {
      out.add("you are registered in municipality " + m.code());
      return null;
    }

    @Override
    public Void district(Audience.InDistrict d) {
      out.add("you live in " + p.district());
      return null;
    }

    @Override
    public Void age(Audience.AgeBetween r) {
      out.add("you are " + (year - p.birthYear()));
      return null;
    }

    @Override
    public Void childAge(Audience.HasChildAgedBetween r) {
      p.childrenBirthYears().stream()
          .map(born -> year - born)
          .filter(age -> AudienceMatcher.within(age, r.min(), r.max()))
          .forEach(age -> out.add("your child is " + age));
      return null;
    }

    @Override
    public Void language(Audience.Speaks s) {
      out.add("you read " + s.language());
      return null;
    }

    @Override
    public Void interest(Audience.InterestedIn i) {
      out.add("you follow " + i.interest());
      return null;
    }

    @Override
    public Void polygon(Audience.WithinPolygon polygon) {
      return homeArea();
    }

    @Override
    public Void circle(Audience.WithinCircle circle) {
      return homeArea();
    }

    private Void homeArea() {
      out.add("your home area (" + p.district() + ") is in the notice's area");
      return null;
    }
  }
}
