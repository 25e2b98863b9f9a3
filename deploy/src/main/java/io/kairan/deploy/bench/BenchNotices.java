package io.kairan.deploy.bench;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shapes of notices a city sends: city-wide, one district, parents, elders, combinations. */
final class BenchNotices {
  /** An audience shape with the short name the per-shape figures print. */
  record Shape(String name, Audience audience) {}

  static final List<Shape> SHAPES =
      List.of(
          new Shape("everyone", new Audience.Everyone()),
          new Shape("district", new Audience.InDistrict(List.of("北会津町"))),
          new Shape(
              "parents-2-districts",
              new Audience.AllOf(
                  List.of(
                      new Audience.InDistrict(List.of("北会津町", "河東町")),
                      new Audience.HasChildAgedBetween(0, 6)))),
          new Shape("over-65", new Audience.AgeBetween(65, 130)),
          new Shape(
              "any-of",
              new Audience.AnyOf(
                  List.of(
                      new Audience.HasChildAgedBetween(6, 12), new Audience.InterestedIn("子育て")))),
          new Shape(
              "not",
              new Audience.AllOf(
                  List.of(
                      new Audience.AgeBetween(40, 74),
                      new Audience.Not(new Audience.Speaks("en"))))),
          new Shape(
              "elders-district",
              new Audience.AllOf(
                  List.of(
                      new Audience.InDistrict(List.of("湊町")), new Audience.AgeBetween(75, 130)))),
          new Shape("circle", new Audience.WithinCircle(new GeoPoint(37.4946, 139.9298), 2.0)));

  private BenchNotices() {}

  static List<Notice> all(Instant now) {
    List<Notice> notices = new ArrayList<>();
    for (int i = 0; i < SHAPES.size(); i++) {
      notices.add(notice(i, now));
    }
    return notices;
  }

  /** The notice of the named shape, as {@link #all} has it. */
  static Notice notice(String shape, Instant now) {
    for (int i = 0; i < SHAPES.size(); i++) {
      if (SHAPES.get(i).name().equals(shape)) {
        return notice(i, now);
      }
    }
    throw new IllegalArgumentException("no audience shape " + shape);
  }

  private static Notice notice(int i, Instant now) {
    return new Notice(
        "bench-" + i,
        1,
        new Publisher("kenko-ka", "健康増進課", PublisherKind.DEPARTMENT),
        "072028",
        Category.HEALTH,
        Map.of("ja", "お知らせ " + i),
        Map.of(),
        null,
        null,
        new Validity(now, now.plusSeconds(86400)),
        Severity.IMPORTANT,
        NoticeStatus.PUBLISHED,
        SHAPES.get(i).audience(),
        now);
  }
}
