package io.kairan.recommender.decide;

import io.kairan.model.resident.FeedbackKind;

/**
 * A resident's learned liking for a category, -1 to 1, from what they do with its notices. Each
 * reaction moves it, and older reactions fade, so a changed life changes it back.
 */
public final class Affinity {
  public static final double NEUTRAL = 0;
  private static final double FADE = 0.9;

  private Affinity() {}

  public static double after(double current, FeedbackKind reaction) {
    double signal =
        switch (reaction) {
          case OPENED -> 0.1;
          case USEFUL -> 0.3;
          case DISMISSED -> -0.1;
          case NOT_INTERESTED -> -0.5;
        };
    return Math.max(-1, Math.min(1, current * FADE + signal));
  }
}
