package io.kairan.api.simulation;

import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Match;
import io.kairan.recommender.match.Matching;
import io.kairan.recommender.match.ProfileIndex;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The residents of a snapshot in the job's own {@link ProfileIndex}, so a version's eligible
 * residents are found by the index, and matched once per group of residents alike: the match of the
 * group's first eligible resident stands for the others, since the policy reads nothing else of
 * them. The groups are the snapshot's (alike in interests, home, quiet hours and zone); for a
 * version whose audience names no interest, nobody follows one of its interests, so residents alike
 * in home, quiet hours and zone alone form a group (far fewer groups: a city has a few hundred home
 * points, and many sets of interests).
 */
final class IndexedResidents implements Replay.Residents {
  /** What a match takes from a resident when the audience names no interest. */
  private record Place(GeoPoint home, QuietHours quietHours, String timeZone) {}

  private final ProfileIndex index = new ProfileIndex();
  private final List<ResidentProfile> profiles;
  private final int[] groups;
  private final int[] places;
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
    this.places = new int[profiles.size()];
    Map<Place, Integer> placeNumbers = new HashMap<>();
    int max = -1;
    for (int i = 0; i < profiles.size(); i++) {
      ResidentProfile p = profiles.get(i);
      if (index.put(p) != i) {
        throw new IllegalStateException("a fresh index numbers its residents in order");
      }
      max = Math.max(max, groups[i]);
      places[i] =
          placeNumbers.computeIfAbsent(
              new Place(p.home(), p.quietHours(), p.timeZone()), k -> placeNumbers.size());
    }
    this.groupCount = max + 1;
    int all = groupCount + placeNumbers.size();
    this.matches = new Match[all];
    this.matchedFor = new int[all];
  }

  @Override
  public int size() {
    return profiles.size();
  }

  /** The snapshot's groups, then the groups by place after them. */
  @Override
  public int groups() {
    return matches.length;
  }

  @Override
  public void forEachEligible(Notice version, Instant at, Replay.Eligible each) {
    int current = ++stamp;
    boolean byPlace = !NamesAnInterest.in(version.audience());
    index.forEachEligible(
        version,
        at,
        resident -> {
          int group = byPlace ? groupCount + places[resident] : groups[resident];
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
