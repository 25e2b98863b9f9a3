package io.kairan.model;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Valid example records for tests; each test changes what it is about. */
public final class Fixtures {
  public static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

  private Fixtures() {}

  public static Notice childAllowanceNotice() {
    return new Notice(
        "n-1",
        1,
        new Publisher("kodomo-ka", "こども家庭課", PublisherKind.DEPARTMENT),
        "072028",
        Category.CHILDCARE,
        Map.of("ja", "児童手当の申請期限", "en", "Child allowance deadline"),
        Map.of("ja", "11月30日までに申請してください。"),
        "https://www.city.aizuwakamatsu.fukushima.jp/",
        new GeoPoint(37.4946, 139.9297),
        new Validity(NOW, NOW.plusSeconds(30 * 86400)),
        Severity.IMPORTANT,
        NoticeStatus.PUBLISHED,
        new Audience.AllOf(
            List.of(
                new Audience.InDistrict(List.of("北会津町")), new Audience.HasChildAgedBetween(0, 6))),
        NOW);
  }

  public static ResidentProfile parentInKitaaizu() {
    return new ResidentProfile(
        "r-1",
        "072028",
        "北会津町",
        new GeoPoint(37.4670, 139.8620),
        1990,
        List.of(2022),
        List.of("ja", "en"),
        Set.of("子育て"),
        Map.of(Category.CHILDCARE, new Consent(true, NOW)),
        new QuietHours("22:00", "07:00"),
        "Asia/Tokyo",
        Set.of(),
        NOW);
  }
}
