package io.kairan.model.notice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kairan.model.Problems;
import java.util.List;

/**
 * Who a notice is for: a small expression tree over profile attributes. Ages are counted in whole
 * years at the notice's time from birth years, which is all a profile holds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Audience.Everyone.class, name = "everyone"),
  @JsonSubTypes.Type(value = Audience.AllOf.class, name = "allOf"),
  @JsonSubTypes.Type(value = Audience.AnyOf.class, name = "anyOf"),
  @JsonSubTypes.Type(value = Audience.Not.class, name = "not"),
  @JsonSubTypes.Type(value = Audience.InMunicipality.class, name = "municipality"),
  @JsonSubTypes.Type(value = Audience.InDistrict.class, name = "district"),
  @JsonSubTypes.Type(value = Audience.AgeBetween.class, name = "age"),
  @JsonSubTypes.Type(value = Audience.HasChildAgedBetween.class, name = "childAge"),
  @JsonSubTypes.Type(value = Audience.Speaks.class, name = "language"),
  @JsonSubTypes.Type(value = Audience.InterestedIn.class, name = "interest"),
  @JsonSubTypes.Type(value = Audience.WithinPolygon.class, name = "polygon"),
  @JsonSubTypes.Type(value = Audience.WithinCircle.class, name = "circle")
})
public sealed interface Audience {
  int MAX_DEPTH = 8;
  int MAX_AGE = 130;

  /** Every resident of the notice's municipality. */
  record Everyone() implements Audience {}

  /** Residents matching every part. */
  record AllOf(List<Audience> all) implements Audience {
    public AllOf {
      all = all == null ? List.of() : List.copyOf(all);
    }
  }

  /** Residents matching at least one part. */
  record AnyOf(List<Audience> any) implements Audience {
    public AnyOf {
      any = any == null ? List.of() : List.copyOf(any);
    }
  }

  /** Residents not matching the part. */
  record Not(Audience not) implements Audience {}

  /** Residents registered in a municipality (JIS X 0402 code). */
  record InMunicipality(String code) implements Audience {}

  /** Residents living in one of the districts (大字・町 names, e.g. 北会津町). */
  record InDistrict(List<String> districts) implements Audience {
    public InDistrict {
      districts = districts == null ? List.of() : List.copyOf(districts);
    }
  }

  /** Residents whose age is within [min, max]. */
  record AgeBetween(int min, int max) implements Audience {}

  /** Residents with at least one child whose age is within [min, max]. */
  record HasChildAgedBetween(int min, int max) implements Audience {}

  /** Residents who read a language (BCP 47 tag such as ja, en, vi). */
  record Speaks(String language) implements Audience {}

  /** Residents who follow an interest tag (e.g. 子育て, sports). */
  record InterestedIn(String interest) implements Audience {}

  /** Residents whose home point lies inside the polygon (WGS84, closed or not). */
  record WithinPolygon(List<GeoPoint> points) implements Audience {
    public WithinPolygon {
      points = points == null ? List.of() : List.copyOf(points);
    }
  }

  /** Residents whose home point lies within radiusKm of the centre. */
  record WithinCircle(GeoPoint center, double radiusKm) implements Audience {}

  /** Problems with this expression, each naming its path in the tree. */
  default List<String> problems() {
    var problems = new Problems();
    check(this, "audience", 1, problems);
    return problems.list();
  }

  private static void check(Audience audience, String path, int depth, Problems problems) {
    if (audience == null) {
      problems.add(path, "is required");
      return;
    }
    if (depth > MAX_DEPTH) {
      problems.add(path, "nests deeper than " + MAX_DEPTH + " levels");
      return;
    }
    // Java 17 has no pattern switch; the chain ends in the sealed set, so a new kind must be added
    // here.
    if (audience instanceof AllOf a) {
      checkParts(a.all(), path + ".all", depth, problems);
    } else if (audience instanceof AnyOf a) {
      checkParts(a.any(), path + ".any", depth, problems);
    } else if (audience instanceof Not n) {
      check(n.not(), path + ".not", depth + 1, problems);
    } else if (audience instanceof InMunicipality m) {
      problems.require(
          MunicipalityCode.isValid(m.code()), path + ".code", "is not a JIS X 0402 code");
    } else if (audience instanceof InDistrict d) {
      problems
          .require(!d.districts().isEmpty(), path + ".districts", "must name at least one district")
          .require(
              d.districts().stream().noneMatch(s -> s == null || s.isBlank()),
              path + ".districts",
              "must not contain blanks")
          .maxSize(d.districts(), 500, path + ".districts");
    } else if (audience instanceof AgeBetween r) {
      checkRange(r.min(), r.max(), path, problems);
    } else if (audience instanceof HasChildAgedBetween r) {
      checkRange(r.min(), r.max(), path, problems);
    } else if (audience instanceof Speaks s) {
      problems
          .notBlank(s.language(), path + ".language")
          .maxLength(s.language(), 35, path + ".language");
    } else if (audience instanceof WithinPolygon p) {
      problems
          .require(p.points().size() >= 3, path + ".points", "a polygon needs at least 3 points")
          .maxSize(p.points(), 10_000, path + ".points");
      p.points()
          .forEach(
              point ->
                  problems.merge(
                      point == null
                          ? List.of(path + ".points: must not contain nulls")
                          : point.problems()));
    } else if (audience instanceof WithinCircle c) {
      problems
          .notNull(c.center(), path + ".center")
          .require(
              c.radiusKm() > 0 && c.radiusKm() <= 1000,
              path + ".radiusKm",
              "must be between 0 and 1000");
    } else if (audience instanceof InterestedIn i) {
      problems
          .notBlank(i.interest(), path + ".interest")
          .maxLength(i.interest(), 100, path + ".interest");
    }
  }

  private static void checkParts(List<Audience> parts, String path, int depth, Problems problems) {
    problems
        .require(!parts.isEmpty(), path, "must have at least one part")
        .maxSize(parts, 50, path);
    for (int i = 0; i < parts.size(); i++) {
      check(parts.get(i), path + "[" + i + "]", depth + 1, problems);
    }
  }

  private static void checkRange(int min, int max, String path, Problems problems) {
    problems
        .require(min >= 0 && min <= MAX_AGE, path + ".min", "must be between 0 and " + MAX_AGE)
        .require(max >= 0 && max <= MAX_AGE, path + ".max", "must be between 0 and " + MAX_AGE)
        .require(min <= max, path + ".max", "must not be below min");
  }
}
