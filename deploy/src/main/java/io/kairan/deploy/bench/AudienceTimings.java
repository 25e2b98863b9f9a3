package io.kairan.deploy.bench;

import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Eligibility;
import io.kairan.recommender.match.ProfileIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Audience evaluation per notice, in process: the bitmap index (its reach alone, and with the
 * eligible profiles handed over as the match stage does) against the plain scan; over all notices
 * and per audience shape.
 */
final class AudienceTimings {
  private AudienceTimings() {}

  record Result(
      Timed indexReach,
      Timed indexEligible,
      Timed scan,
      double bitmapBytesPerResident,
      int[] reach) {}

  /** Percentiles over all the notices' samples, and over each notice's own. */
  record Timed(Percentiles all, List<Percentiles> byNotice) {}

  static Result measure(
      List<ResidentProfile> profiles, List<Notice> notices, Instant now, int rounds) {
    ProfileIndex index = new ProfileIndex();
    profiles.forEach(index::put);
    int[] reach = new int[notices.size()];
    for (int i = 0; i < notices.size(); i++) {
      reach[i] = index.reach(notices.get(i), now);
    }
    Timed indexReach = time(notices, rounds, n -> index.reach(n, now));
    Timed indexEligible = time(notices, rounds, n -> index.eligible(n, now).size());
    Timed scan =
        time(
            notices,
            Math.max(1, rounds / 10),
            n -> {
              int count = 0;
              for (ResidentProfile p : profiles) {
                if (Eligibility.isEligible(n, p, now)) {
                  count++;
                }
              }
              return count;
            });
    return new Result(
        indexReach, indexEligible, scan, (double) index.bitmapBytes() / profiles.size(), reach);
  }

  /**
   * Times every notice {@code rounds} times after a warm-up, the notices taking turns so that a
   * disturbance of the shared machine falls on all shapes alike; the results feed a checksum.
   */
  static Timed time(List<Notice> notices, int rounds, ToIntFunction<Notice> evaluate) {
    long checksum = 0;
    for (int warm = 0; warm < 5; warm++) {
      for (Notice n : notices) {
        checksum += evaluate.applyAsInt(n);
      }
    }
    System.gc(); // the garbage of loading is not the evaluation's
    long[] nanos = new long[notices.size() * rounds];
    long[][] byNotice = new long[notices.size()][rounds];
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < notices.size(); i++) {
        long start = System.nanoTime();
        checksum += evaluate.applyAsInt(notices.get(i));
        nanos[k++] = byNotice[i][r] = System.nanoTime() - start;
      }
    }
    if (checksum == 42) {
      System.out.print(""); // keeps the JIT from dropping the work
    }
    List<Percentiles> perNotice = new ArrayList<>();
    for (long[] samples : byNotice) {
      perNotice.add(Percentiles.ofNanos(samples));
    }
    return new Timed(Percentiles.ofNanos(nanos), perNotice);
  }
}
