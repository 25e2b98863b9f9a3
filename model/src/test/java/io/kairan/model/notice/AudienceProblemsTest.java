package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes an audience expression unusable; each problem names its path in the tree. */
class AudienceProblemsTest {
  private static final Audience.Everyone EVERYONE = new Audience.Everyone();

  private static Audience notNested(int times, Audience inner) {
    Audience audience = inner;
    for (int i = 0; i < times; i++) {
      audience = new Audience.Not(audience);
    }
    return audience;
  }

  private static Audience allOfNested(int levels) {
    Audience audience = EVERYONE;
    for (int i = 1; i < levels; i++) {
      audience = new Audience.AllOf(List.of(audience));
    }
    return audience;
  }

  @Test
  void everyoneIsAValidAudience() {
    assertThat(EVERYONE.problems()).isEmpty();
  }

  @Test
  void anExpressionEightLevelsDeepIsAcceptedAndNineIsNot() {
    assertThat(notNested(7, EVERYONE).problems()).isEmpty();
    assertThat(notNested(8, EVERYONE).problems())
        .containsExactly("audience" + ".not".repeat(8) + ": nests deeper than 8 levels");
    assertThat(allOfNested(8).problems()).isEmpty();
    assertThat(allOfNested(9).problems())
        .containsExactly("audience" + ".all[0]".repeat(8) + ": nests deeper than 8 levels");
  }

  @Test
  void aNegationNeedsSomethingToNegate() {
    assertThat(new Audience.Not(null).problems()).containsExactly("audience.not: is required");
  }

  @Test
  void problemsInsideANegationOrAnAlternativeNameTheirPath() {
    var audience =
        new Audience.AnyOf(
            List.of(
                EVERYONE,
                new Audience.Not(new Audience.Speaks(" ")),
                new Audience.AnyOf(List.of())));

    assertThat(audience.problems())
        .containsExactly(
            "audience.any[1].not.language: must not be blank",
            "audience.any[2].any: must have at least one part");
  }

  @Test
  void aGroupHasOneToFiftyParts() {
    assertThat(new Audience.AllOf(List.of()).problems())
        .containsExactly("audience.all: must have at least one part");
    assertThat(new Audience.AllOf(Collections.nCopies(50, EVERYONE)).problems()).isEmpty();
    assertThat(new Audience.AnyOf(Collections.nCopies(51, EVERYONE)).problems())
        .containsExactly("audience.any: must have at most 50 entries");
  }

  @Test
  void aMunicipalityIsAJisX0402Code() {
    assertThat(new Audience.InMunicipality("072028").problems()).isEmpty();
    assertThat(new Audience.InMunicipality("072027").problems())
        .containsExactly("audience.code: is not a JIS X 0402 code");
  }

  @Test
  void aDistrictListNamesOneToFiveHundredDistrictsWithoutBlanks() {
    List<String> fiveHundred = Collections.nCopies(500, "湊町");
    List<String> fiveHundredOne = Collections.nCopies(501, "湊町");

    assertThat(new Audience.InDistrict(List.of()).problems())
        .containsExactly("audience.districts: must name at least one district");
    assertThat(new Audience.InDistrict(List.of("湊町", " ")).problems())
        .containsExactly("audience.districts: must not contain blanks");
    assertThat(new Audience.InDistrict(fiveHundred).problems()).isEmpty();
    assertThat(new Audience.InDistrict(fiveHundredOne).problems())
        .containsExactly("audience.districts: must have at most 500 entries");
  }

  @Test
  void agesRunFromZeroToOneHundredAndThirty() {
    assertThat(new Audience.AgeBetween(0, 130).problems()).isEmpty();
    assertThat(new Audience.AgeBetween(130, 130).problems()).isEmpty();
    assertThat(new Audience.AgeBetween(-1, 10).problems())
        .containsExactly("audience.min: must be between 0 and 130");
    assertThat(new Audience.AgeBetween(131, 131).problems())
        .containsExactly(
            "audience.min: must be between 0 and 130", "audience.max: must be between 0 and 130");
    assertThat(new Audience.AgeBetween(65, 131).problems())
        .containsExactly("audience.max: must be between 0 and 130");
  }

  @Test
  void aRangeMayBeOneYearButNotBackwards() {
    assertThat(new Audience.AgeBetween(65, 65).problems()).isEmpty();
    assertThat(new Audience.AgeBetween(65, 64).problems())
        .containsExactly("audience.max: must not be below min");
  }

  @Test
  void childrensAgesFollowTheSameRules() {
    assertThat(new Audience.HasChildAgedBetween(0, 0).problems()).isEmpty();
    assertThat(new Audience.HasChildAgedBetween(-1, 6).problems())
        .containsExactly("audience.min: must be between 0 and 130");
    assertThat(new Audience.HasChildAgedBetween(0, 131).problems())
        .containsExactly("audience.max: must be between 0 and 130");
    assertThat(new Audience.HasChildAgedBetween(6, 3).problems())
        .containsExactly("audience.max: must not be below min");
  }

  @Test
  void aLanguageTagRunsToThirtyFiveCharactersAndAnInterestToOneHundred() {
    assertThat(new Audience.Speaks("x".repeat(35)).problems()).isEmpty();
    assertThat(new Audience.Speaks("x".repeat(36)).problems())
        .containsExactly("audience.language: must be at most 35 characters");
    assertThat(new Audience.InterestedIn("防".repeat(100)).problems()).isEmpty();
    assertThat(new Audience.InterestedIn("防".repeat(101)).problems())
        .containsExactly("audience.interest: must be at most 100 characters");
    assertThat(new Audience.InterestedIn("").problems())
        .containsExactly("audience.interest: must not be blank");
  }

  @Test
  void aPolygonNeedsAtLeastThreePoints() {
    var triangle =
        List.of(new GeoPoint(37.4, 139.8), new GeoPoint(37.6, 139.8), new GeoPoint(37.6, 140.0));

    assertThat(new Audience.WithinPolygon(triangle).problems()).isEmpty();
    assertThat(new Audience.WithinPolygon(triangle.subList(0, 2)).problems())
        .containsExactly("audience.points: a polygon needs at least 3 points");
  }

  @Test
  void aPolygonPointBeyondThePoleIsRefusedForItsLatitude() {
    var polygon =
        List.of(new GeoPoint(91, 139.8), new GeoPoint(37.6, 139.8), new GeoPoint(37.6, 140.0));

    assertThat(new Audience.WithinPolygon(polygon).problems())
        .containsExactly("audience.points[0].lat: must be between -90 and 90");
  }

  @Test
  void aCircleCentredBeyondThePoleIsRefusedForItsCentre() {
    assertThat(new Audience.WithinCircle(new GeoPoint(91, 139.9), 2).problems())
        .containsExactly("audience.center.lat: must be between -90 and 90");
  }

  @Test
  void aCircleHasACentreAndARadiusAboveZeroUpTo1000Km() {
    var cityHall = new GeoPoint(37.4946, 139.9297);

    assertThat(new Audience.WithinCircle(cityHall, 0.001).problems()).isEmpty();
    assertThat(new Audience.WithinCircle(cityHall, 1000).problems()).isEmpty();
    assertThat(new Audience.WithinCircle(cityHall, 0).problems())
        .containsExactly("audience.radiusKm: must be between 0 and 1000");
    assertThat(new Audience.WithinCircle(cityHall, 1000.001).problems())
        .containsExactly("audience.radiusKm: must be between 0 and 1000");
    assertThat(new Audience.WithinCircle(null, 2).problems())
        .containsExactly("audience.center: is required");
  }
}
