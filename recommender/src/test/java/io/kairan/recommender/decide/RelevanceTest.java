package io.kairan.recommender.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.ScoreWeights;
import io.kairan.recommender.match.Match;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The score, checked against values worked out by hand from its definition. */
class RelevanceTest {
  private static final Instant NOON_JST = Instant.parse("2026-11-23T03:00:00Z");

  private static Match match(Severity severity, int interestHits, Double distanceKm, Instant at) {
    return new Match(
        "r",
        "n",
        1,
        Category.EVENTS,
        severity,
        PublisherKind.DEPARTMENT,
        Map.of("ja", "t"),
        List.of(),
        interestHits,
        distanceKm,
        at,
        false,
        false,
        null,
        "Asia/Tokyo",
        NOON_JST,
        NOON_JST.plus(Duration.ofDays(7)),
        null);
  }

  private static RuleSet rules(ScoreWeights weights, Map<Category, Double> categoryWeights) {
    RuleSet b = RuleSet.BUILTIN;
    return new RuleSet(
        "t", 1, b.slot(), weights, categoryWeights, Set.of(), 0, 5, 1, null, "18:00", NOON_JST);
  }

  @Test
  void aDayOldNoticeFiveKilometresAwayWithTwoInterestsAndSomeLiking() {
    // interest min(1, 0.6 + 0.2·2) = 1; category 0.2; recency e^(−24/72) = 0.716531;
    // distance e^(−5/5) = 0.367879; liking (0.4 + 1) / 2 = 0.7.
    // (3·1 + 0.2 + 0.716531 + 0.367879 + 2·0.7) / 8 = 5.68441 / 8 = 0.71055 → 0.711
    RuleSet rules = rules(new ScoreWeights(3, 1, 1, 1, 2), Map.of(Category.EVENTS, 0.2));
    Match match = match(Severity.IMPORTANT, 2, 5.0, NOON_JST.minus(Duration.ofHours(24)));

    assertThat(Relevance.score(match, rules, 0.4, NOON_JST)).isEqualTo(0.711);
  }

  @Test
  void onlyTheWeightedFactorsCount() {
    // Weights 0, 0, 1, 0, 0: the score is the recency alone, e^(−72/72) = 0.367879 → 0.368.
    RuleSet recencyOnly = rules(new ScoreWeights(0, 0, 1, 0, 0), Map.of());
    Match threeDaysOld = match(Severity.INFO, 0, null, NOON_JST.minus(Duration.ofHours(72)));

    assertThat(Relevance.score(threeDaysOld, recencyOnly, 0, NOON_JST)).isEqualTo(0.368);
  }

  @Test
  void noInterestUnknownDistanceAndDislikeGiveTheLowestOfTheFactors() {
    // interest 0; category 0.5 (unset); recency 1; distance 0.5 (unknown); liking (−1 + 1)/2 = 0.
    // (0 + 0.5 + 1 + 0.5 + 0) / 8 = 0.25
    RuleSet builtin = RuleSet.BUILTIN;
    Match match = match(Severity.IMPORTANT, 0, null, NOON_JST);

    assertThat(Relevance.score(match, builtin, -1, NOON_JST)).isEqualTo(0.25);
  }

  @Test
  void anEmergencyScoresOneWhateverTheFactors() {
    Match far = match(Severity.EMERGENCY, 0, 500.0, NOON_JST.minus(Duration.ofDays(30)));

    assertThat(Relevance.score(far, RuleSet.BUILTIN, -1, NOON_JST)).isEqualTo(1.0);
  }
}
