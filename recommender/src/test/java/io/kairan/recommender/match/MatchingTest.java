package io.kairan.recommender.match;

import static io.kairan.recommender.Examples.NOON_JST;
import static io.kairan.recommender.Examples.childcareNoticeForKitaaizuParents;
import static io.kairan.recommender.Examples.resident;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {

  @Test
  void aParentInTheDistrictWhoConsentedMatchesWithReasons() {
    var match =
        Matching.match(
            childcareNoticeForKitaaizuParents(),
            resident("r", "北会津町", 1990, List.of(2022), Category.CHILDCARE),
            false,
            NOON_JST);

    assertThat(match).isPresent();
    assertThat(match.get().reasons()).containsExactly("you live in 北会津町", "your child is 4");
  }

  @Test
  void aMatchCarriesTheFactsTheScoreIsMadeOf() {
    var notice =
        Examples.notice(
            "n-walk",
            1,
            Severity.INFO,
            Category.EVENTS,
            new Audience.AnyOf(
                List.of(new Audience.InterestedIn("子育て"), new Audience.InterestedIn("歴史"))));
    var atTsurugajo =
        new Notice(
            notice.id(),
            1,
            notice.publisher(),
            notice.municipalityCode(),
            notice.category(),
            notice.title(),
            notice.body(),
            null,
            new GeoPoint(37.4878, 139.9297),
            notice.validity(),
            notice.severity(),
            notice.status(),
            notice.audience(),
            notice.publishedAt());
    var r = resident("r", "北会津町", 1990, List.of(2022), Category.EVENTS);
    var nearby = livingAt(r, new GeoPoint(37.4950, 139.9297));

    Match match = Matching.match(atTsurugajo, nearby, false, NOON_JST).orElseThrow();

    assertThat(match.interestHits()).as("follows 子育て, not 歴史").isEqualTo(1);
    assertThat(match.distanceKm()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.05));
    assertThat(match.publishedAt()).isEqualTo(NOON_JST);
    assertThat(Matching.match(notice, r, false, NOON_JST).orElseThrow().distanceKm())
        .as("no location, no distance")
        .isNull();
  }

  @Test
  void aResidentOfAnotherDistrictDoesNotMatch() {
    assertThat(
            Matching.match(
                childcareNoticeForKitaaizuParents(),
                resident("r", "湊町", 1990, List.of(2022), Category.CHILDCARE),
                false,
                NOON_JST))
        .isEmpty();
  }

  @Test
  void aResidentWhoseChildIsTooOldDoesNotMatch() {
    assertThat(
            Matching.match(
                childcareNoticeForKitaaizuParents(),
                resident("r", "北会津町", 1980, List.of(2012), Category.CHILDCARE),
                false,
                NOON_JST))
        .isEmpty();
  }

  @Test
  void withoutConsentForTheCategoryThereIsNoMatch() {
    assertThat(
            Matching.match(
                childcareNoticeForKitaaizuParents(),
                resident("r", "北会津町", 1990, List.of(2022), Category.HEALTH),
                false,
                NOON_JST))
        .isEmpty();
  }

  @Test
  void emergenciesReachResidentsWithoutConsent() {
    var evacuation =
        Examples.notice(
            "n-flood",
            1,
            Severity.EMERGENCY,
            Category.DISASTER,
            new Audience.InDistrict(List.of("湊町")));

    assertThat(Matching.match(evacuation, resident("r", "湊町", 1940, List.of()), false, NOON_JST))
        .isPresent();
  }

  @Test
  void aWithdrawnOrExpiredNoticeMatchesNobody() {
    var n = childcareNoticeForKitaaizuParents();
    var withdrawn = n.withVersion(2, NoticeStatus.WITHDRAWN, n.publishedAt());
    var parent = resident("r", "北会津町", 1990, List.of(2022), Category.CHILDCARE);

    assertThat(Matching.match(withdrawn, parent, false, NOON_JST)).isEmpty();
    assertThat(Matching.match(n, parent, false, n.validity().until())).isEmpty();
  }

  @Test
  void notAndAnyOfCombine() {
    var notMinato =
        new Audience.AnyOf(
            List.of(
                new Audience.AgeBetween(65, 130),
                new Audience.Not(new Audience.InDistrict(List.of("湊町")))));

    assertThat(AudienceMatcher.matches(notMinato, resident("a", "湊町", 1950, List.of()), NOON_JST))
        .as("over 65 in 湊町")
        .isTrue();
    assertThat(AudienceMatcher.matches(notMinato, resident("b", "湊町", 1990, List.of()), NOON_JST))
        .as("young in 湊町")
        .isFalse();
    assertThat(AudienceMatcher.matches(notMinato, resident("c", "一箕町", 1990, List.of()), NOON_JST))
        .as("young elsewhere")
        .isTrue();
  }

  @Test
  void easyJapaneseReadersReadJapanese() {
    assertThat(AudienceMatcher.speaks(List.of("ja-x-easy"), "ja")).isTrue();
    assertThat(AudienceMatcher.speaks(List.of("en"), "ja")).isFalse();
  }

  @Test
  void areasMatchResidentsByTheirHomePoint() {
    var home = new io.kairan.model.notice.GeoPoint(37.4946, 139.9297);
    var r = resident("r", "栄町", 1980, List.of());
    var located = livingAt(r, home);
    var square =
        new Audience.WithinPolygon(
            List.of(
                new io.kairan.model.notice.GeoPoint(37.4, 139.8),
                new io.kairan.model.notice.GeoPoint(37.6, 139.8),
                new io.kairan.model.notice.GeoPoint(37.6, 140.0),
                new io.kairan.model.notice.GeoPoint(37.4, 140.0)));

    assertThat(AudienceMatcher.matches(square, located, NOON_JST)).isTrue();
    assertThat(
            AudienceMatcher.matches(
                new Audience.WithinCircle(new io.kairan.model.notice.GeoPoint(37.50, 139.93), 1.0),
                located,
                NOON_JST))
        .as("600 m away")
        .isTrue();
    assertThat(
            AudienceMatcher.matches(
                new Audience.WithinCircle(new io.kairan.model.notice.GeoPoint(37.60, 139.93), 5.0),
                located,
                NOON_JST))
        .as("12 km away")
        .isFalse();
    assertThat(AudienceMatcher.matches(square, r, NOON_JST))
        .as("no home point, no area match")
        .isFalse();
  }

  /** The same resident with a home point. */
  private static ResidentProfile livingAt(ResidentProfile r, GeoPoint home) {
    return new ResidentProfile(
        r.id(),
        r.municipalityCode(),
        r.district(),
        home,
        r.birthYear(),
        r.childrenBirthYears(),
        r.languages(),
        r.interests(),
        r.consents(),
        r.quietHours(),
        r.timeZone(),
        r.accessibility(),
        r.updatedAt());
  }
}
