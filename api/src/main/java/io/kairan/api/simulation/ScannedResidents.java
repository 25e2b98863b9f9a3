package io.kairan.api.simulation;

import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Matching;
import java.time.Instant;
import java.util.List;

/**
 * The plain scan: every resident tried with {@link Matching#match} and planned alone. The reference
 * the indexed replay must agree with, and the benchmark's baseline.
 */
final class ScannedResidents implements Replay.Residents {
  private final List<ResidentProfile> profiles;

  ScannedResidents(List<ResidentProfile> profiles) {
    this.profiles = profiles;
  }

  @Override
  public int size() {
    return profiles.size();
  }

  @Override
  public int groups() {
    return 0;
  }

  @Override
  public void forEachEligible(Notice version, Instant at, Replay.Eligible each) {
    for (int resident = 0; resident < profiles.size(); resident++) {
      int r = resident;
      Matching.match(version, profiles.get(resident), false, at)
          .ifPresent(match -> each.accept(r, -1, match));
    }
  }
}
