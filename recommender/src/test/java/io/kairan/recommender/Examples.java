package io.kairan.recommender;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
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

/** Notices and residents of the demo city for the recommender's specifications. */
public final class Examples {
  /** 12:00 in Aizuwakamatsu. */
  public static final Instant NOON_JST = Instant.parse("2026-11-23T03:00:00Z");

  private Examples() {}

  public static Notice notice(
      String id, int version, Severity severity, Category category, Audience audience) {
    return new Notice(
        id,
        version,
        new Publisher("kodomo-ka", "こども家庭課", PublisherKind.DEPARTMENT),
        "072028",
        category,
        Map.of("ja", "お知らせ " + id),
        Map.of(),
        null,
        null,
        new Validity(NOON_JST.minusSeconds(3600), NOON_JST.plusSeconds(7 * 86400)),
        severity,
        version == 1 ? NoticeStatus.PUBLISHED : NoticeStatus.UPDATED,
        audience,
        NOON_JST);
  }

  public static Notice childcareNoticeForKitaaizuParents() {
    return notice(
        "n-child",
        1,
        Severity.IMPORTANT,
        Category.CHILDCARE,
        new Audience.AllOf(
            List.of(
                new Audience.InDistrict(List.of("北会津町")), new Audience.HasChildAgedBetween(0, 6))));
  }

  public static ResidentProfile resident(
      String id, String district, int birthYear, List<Integer> children, Category... consents) {
    Map<Category, Consent> granted = new java.util.HashMap<>();
    for (Category c : consents) {
      granted.put(c, new Consent(true, NOON_JST));
    }
    return new ResidentProfile(
        id,
        "072028",
        district,
        null,
        birthYear,
        children,
        List.of("ja"),
        Set.of("子育て"),
        granted,
        new QuietHours("22:00", "07:00"),
        "Asia/Tokyo",
        Set.of(),
        NOON_JST);
  }
}
