package io.kairan.deploy.demo;

import io.kairan.api.notice.NoticeDraft;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The demo city's first notices, as a department posts them through the API. */
public final class DemoNotices {
  private DemoNotices() {}

  public static List<NoticeDraft> all(Instant now) {
    Validity month = new Validity(now, now.plus(Duration.ofDays(30)));
    return List.of(
        new NoticeDraft(
            SyntheticResidents.MUNICIPALITY,
            Category.CHILDCARE,
            Map.of(
                "ja",
                "児童手当の現況届を提出してください",
                "ja-x-easy",
                "こどもの てあての かみを だして ください",
                "en",
                "Please submit the child allowance status report"),
            Map.of("ja", "北会津支所でも受け付けます。"),
            "https://www.city.aizuwakamatsu.fukushima.jp/",
            new GeoPoint(37.4670, 139.8620),
            month,
            Severity.IMPORTANT,
            new Audience.AllOf(
                List.of(
                    new Audience.InDistrict(List.of("北会津町")),
                    new Audience.HasChildAgedBetween(0, 15)))),
        new NoticeDraft(
            SyntheticResidents.MUNICIPALITY,
            Category.GARBAGE,
            Map.of(
                "ja", "年末年始のごみ収集日が変わります", "en", "Garbage collection days change over the New Year"),
            Map.of("ja", "12月31日から1月3日までは収集がありません。"),
            null,
            null,
            month,
            Severity.INFO,
            new Audience.Everyone()),
        new NoticeDraft(
            SyntheticResidents.MUNICIPALITY,
            Category.HEALTH,
            Map.of("ja", "特定健診のご案内（40〜74歳）"),
            Map.of("ja", "会津若松市の国民健康保険に加入の方が対象です。"),
            null,
            null,
            month,
            Severity.INFO,
            new Audience.AgeBetween(40, 74)));
  }
}
