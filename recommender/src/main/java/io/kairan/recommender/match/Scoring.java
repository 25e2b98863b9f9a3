package io.kairan.recommender.match;

import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;

/** Relevance of an eligible notice to a resident, from 0 to 1; orders the feed, never gates it. */
public final class Scoring {
  private Scoring() {}

  public static double score(Notice notice, ResidentProfile profile, int reasonCount) {
    double severity =
        switch (notice.severity()) {
          case EMERGENCY -> 1.0;
          case IMPORTANT -> 0.7;
          case INFO -> 0.4;
        };
    // Each audience fact that holds for the resident makes the notice a little more theirs.
    double specificity = Math.min(reasonCount, 3) * 0.1;
    return Math.min(1.0, severity + specificity);
  }
}
