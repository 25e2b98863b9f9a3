package io.kairan.model.rules;

/**
 * How much each relevance signal counts; the score is their weighted mean, so only the ratios
 * matter.
 */
public record ScoreWeights(
    double interest, double category, double recency, double distance, double affinity) {

  public double sum() {
    return interest + category + recency + distance + affinity;
  }

  boolean isValid() {
    return interest >= 0
        && category >= 0
        && recency >= 0
        && distance >= 0
        && affinity >= 0
        && sum() > 0;
  }
}
