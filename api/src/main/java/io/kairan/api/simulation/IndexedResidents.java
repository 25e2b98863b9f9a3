package io.kairan.api.simulation;

import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Match;
import io.kairan.recommender.match.Matching;
import io.kairan.recommender.match.ProfileIndex;
import java.time.Instant;
import java.util.List;

/**
 * The residents of a snapshot in the job's own {@link ProfileIndex}, so a version's eligible
 * residents are found by the index, and matched once per group of residents alike (the match of the
 * group's first eligible resident stands for the others: the policy reads nothing else of them).
 */
final class IndexedResidents implements Replay.Residents {
  private final ProfileIndex index = new ProfileIndex();
  private final List<ResidentProfile> profiles;
  private final int[] groups;
  private final int groupCount;
  private final Match[] matches;
  private final int[] matchedFor;
  private int stamp;

  /**
   * @param groups the group of each resident, at the same position (numbered from 0)
   */
  IndexedResidents(List<ResidentProfile> profiles, int[] groups) {
    this.profiles = profiles;
    this.groups = groups;
    int max = -1;
    for (int i = 0; i < profiles.size(); i++) {
      if (index.put(profiles.get(i)) != i) {
        throw new IllegalStateException("a fresh index numbers its residents in order");
      }
      max = Math.max(max, groups[i]);
    }
    this.groupCount = max + 1;
    this.matches = new Match[groupCount];
    this.matchedFor = new int[groupCount];
  }

  @Override
  public int size() {
    return profiles.size();
  }

  @Override
  public int groups() {
    return groupCount;
  }

  @Override
  public void forEachEligible(Notice version, Instant at, Replay.Eligible each) {
    int current = ++stamp;
    index.forEachEligible(
        version,
        at,
        resident -> {
          int group = groups[resident];
          if (matchedFor[group] != current) {
            ResidentProfile profile = profiles.get(resident);
            matches[group] =
                Matching.match(version, profile, false, at)
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "the index found " + profile.id() + " eligible, Matching did not"));
            matchedFor[group] = current;
          }
          each.accept(resident, group, matches[group]);
        });
  }
}
