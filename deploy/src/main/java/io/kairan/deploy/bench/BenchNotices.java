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
  static final List<Audience> AUDIENCES =
      List.of(
          new Audience.Everyone(),
          new Audience.InDistrict(List.of("北会津町")),
          new Audience.AllOf(
              List.of(
                  new Audience.InDistrict(List.of("北会津町", "河東町")),
                  new Audience.HasChildAgedBetween(0, 6))),
          new Audience.AgeBetween(65, 130),
          new Audience.AnyOf(
              List.of(new Audience.HasChildAgedBetween(6, 12), new Audience.InterestedIn("子育て"))),
          new Audience.AllOf(
              List.of(
                  new Audience.AgeBetween(40, 74), new Audience.Not(new Audience.Speaks("en")))),
          new Audience.AllOf(
              List.of(new Audience.InDistrict(List.of("湊町")), new Audience.AgeBetween(75, 130))),
          new Audience.WithinCircle(new GeoPoint(37.4946, 139.9298), 2.0));

  private BenchNotices() {}

  static List<Notice> all(Instant now) {
    List<Notice> notices = new ArrayList<>();
    for (int i = 0; i < AUDIENCES.size(); i++) {
      notices.add(
          new Notice(
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
              AUDIENCES.get(i),
              now));
    }
    return notices;
  }
}
