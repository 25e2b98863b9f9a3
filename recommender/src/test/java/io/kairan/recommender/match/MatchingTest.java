package io.kairan.recommender.match;

import static io.kairan.recommender.Examples.NOON_JST;
import static io.kairan.recommender.Examples.childcareNoticeForKitaaizuParents;
import static io.kairan.recommender.Examples.resident;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
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
    assertThat(match.get().ruleVersion()).isEqualTo(Matching.RULE_VERSION);
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
    var withdrawn =
        new io.kairan.model.notice.Notice(
            n.id(),
            2,
            n.publisher(),
            n.municipalityCode(),
            n.category(),
            n.title(),
            n.body(),
            n.url(),
            n.location(),
            n.validity(),
            n.severity(),
            NoticeStatus.WITHDRAWN,
            n.audience(),
            n.publishedAt());
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
}
