package io.kairan.recommender.decide;

import io.kairan.model.notice.Severity;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.ScoreWeights;
import io.kairan.recommender.match.Match;
import java.time.Duration;
import java.time.Instant;

/**
 * Relevance of an eligible notice to a resident, from 0 to 1: the rule set's weighted mean of
 * interest, category weight, recency, distance and the resident's learned affinity. It orders the
 * feed and decides push or digest; it never decides eligibility.
 */
public final class Relevance {
  /** A notice loses half its recency in about two days. */
  private static final double RECENCY_HOURS = 72;

  /** Something 5 km away is about a third as near as something at home. */
  private static final double DISTANCE_KM = 5;

  private Relevance() {}

  /**
   * @param affinity the resident's affinity for the notice's category, -1 to 1 ({@link Affinity})
   */
  public static double score(Match match, RuleSet rules, double affinity, Instant now) {
    if (match.severity() == Severity.EMERGENCY) {
      return 1.0;
    }
    ScoreWeights w = rules.weights();
    double interest = match.interestHits() == 0 ? 0 : Math.min(1, 0.6 + 0.2 * match.interestHits());
    double category = rules.weightOf(match.category());
    double recency =
        match.publishedAt() == null
            ? 1
            : Math.exp(
                -Math.max(0, Duration.between(match.publishedAt(), now).toMinutes())
                    / 60.0
                    / RECENCY_HOURS);
    double distance =
        match.distanceKm() == null ? 0.5 : Math.exp(-match.distanceKm() / DISTANCE_KM);
    double liking = (affinity + 1) / 2;
    double weighted =
        w.interest() * interest
            + w.category() * category
            + w.recency() * recency
            + w.distance() * distance
            + w.affinity() * liking;
    return Math.round(weighted / w.sum() * 1000) / 1000.0;
  }
}
