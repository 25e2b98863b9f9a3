package io.kairan.model.notice;

import io.kairan.model.Problems;
import java.util.List;

/** Validation of an audience expression: each problem names its path in the tree. */
final class AudienceProblems implements Audience.Visitor<Void> {
  private final String path;
  private final int depth;
  private final Problems problems;

  private AudienceProblems(String path, int depth, Problems problems) {
    this.path = path;
    this.depth = depth;
    this.problems = problems;
  }

  static void check(Audience audience, String path, int depth, Problems problems) {
    if (audience == null) {
      problems.add(path, "is required");
    } else if (depth > Audience.MAX_DEPTH) {
      problems.add(path, "nests deeper than " + Audience.MAX_DEPTH + " levels");
    } else {
      audience.accept(new AudienceProblems(path, depth, problems));
    }
  }

  @Override
  public Void everyone(Audience.Everyone everyone) {
    return null;
  }

  @Override
  public Void allOf(Audience.AllOf allOf) {
    parts(allOf.all(), path + ".all");
    return null;
  }

  @Override
  public Void anyOf(Audience.AnyOf anyOf) {
    parts(anyOf.any(), path + ".any");
    return null;
  }

  @Override
  public Void not(Audience.Not not) {
    check(not.not(), path + ".not", depth + 1, problems);
    return null;
  }

  @Override
  public Void municipality(Audience.InMunicipality m) {
    problems.require(
        MunicipalityCode.isValid(m.code()), path + ".code", "is not a JIS X 0402 code");
    return null;
  }

  @Override
  public Void district(Audience.InDistrict d) {
    problems
        .require(!d.districts().isEmpty(), path + ".districts", "must name at least one district")
        .require(
            d.districts().stream().noneMatch(s -> s == null || s.isBlank()),
            path + ".districts",
            "must not contain blanks")
        .maxSize(d.districts(), 500, path + ".districts");
    return null;
  }

  @Override
  public Void age(Audience.AgeBetween r) {
    range(r.min(), r.max());
    return null;
  }

  @Override
  public Void childAge(Audience.HasChildAgedBetween r) {
    range(r.min(), r.max());
    return null;
  }

  @Override
  public Void language(Audience.Speaks s) {
    return text(s.language(), ".language", 35);
  }

  @Override
  public Void interest(Audience.InterestedIn i) {
    return text(i.interest(), ".interest", 100);
  }

  @Override
  public Void polygon(Audience.WithinPolygon p) {
    problems
        .require(p.points().size() >= 3, path + ".points", "a polygon needs at least 3 points")
        .maxSize(p.points(), 10_000, path + ".points");
    for (int i = 0; i < p.points().size(); i++) {
      point(p.points().get(i), path + ".points[" + i + "]");
    }
    return null;
  }

  @Override
  public Void circle(Audience.WithinCircle c) {
    point(c.center(), path + ".center");
    problems.require(
        c.radiusKm() > 0 && c.radiusKm() <= 1000, path + ".radiusKm", "must be between 0 and 1000");
    return null;
  }

  /** A point's problems under its place in the audience, e.g. {@code audience.center.lat}. */
  private void point(GeoPoint point, String pointPath) {
    if (point == null) {
      problems.notNull(null, pointPath);
      return;
    }
    problems.addAll(pointPath, point.problems());
  }

  private void parts(List<Audience> parts, String partsPath) {
    problems
        .require(!parts.isEmpty(), partsPath, "must have at least one part")
        .maxSize(parts, 50, partsPath);
    for (int i = 0; i < parts.size(); i++) {
      check(parts.get(i), partsPath + "[" + i + "]", depth + 1, problems);
    }
  }

  private Void text(String value, String field, int maxLength) {
    problems.notBlank(value, path + field).maxLength(value, maxLength, path + field);
    return null;
  }

  private void range(int min, int max) {
    int most = Audience.MAX_AGE;
    problems
        .require(min >= 0 && min <= most, path + ".min", "must be between 0 and " + most)
        .require(max >= 0 && max <= most, path + ".max", "must be between 0 and " + most)
        .require(min <= max, path + ".max", "must not be below min");
  }
}
