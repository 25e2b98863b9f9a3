package io.kairan.api.reach;

import io.kairan.api.kafka.CaughtUp;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.ProfileForMatching;
import io.kairan.recommender.match.ProfileIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * The residents as the recommender sees them: the latest valid profile per resident on profiles.v1,
 * in the job's own {@link ProfileIndex}, in the form the job keeps ({@link ProfileForMatching}). A
 * record is read exactly as the job reads it: a tombstone removes the resident; a profile the job
 * would dead-letter (invalid, or its id not the record's key) changes nothing, so the resident
 * keeps the profile the job still holds.
 *
 * <p>The index is not thread-safe: one writer (the follower) and many previews take turns through a
 * read-write lock; a preview holds it only while the index finds the eligible residents, a fresh
 * list of immutable profiles.
 */
@Component
public class ResidentIndex {
  private final ProfileIndex index = new ProfileIndex();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final CaughtUp caughtUp = new CaughtUp();
  static final int MAX_SHARED = 100_000;
  // Values residents share: few (towns, home points, quiet hours, zones, sets of interests).
  private final Map<Object, Object> alike = new ConcurrentHashMap<>();
  // The group of residents alike each of the index's numbers is in (groups are never dropped: a
  // group nobody is in any more only counts 0).
  private final Map<ReachCount.Alike, Integer> groupNumbers = new HashMap<>();
  private int[] groupByNumber = new int[1024];

  /** One profiles.v1 record: the resident id as key, the profile as JSON or null to delete. */
  public void accept(String key, String json) {
    if (key == null || key.isBlank()) {
      return;
    }
    if (json == null) {
      remove(key);
      return;
    }
    ResidentProfile profile;
    try {
      profile = Json.read(json, ResidentProfile.class);
    } catch (InvalidRecordException e) {
      return;
    }
    if (profile != null && profile.problems().isEmpty() && key.equals(profile.id())) {
      put(profile);
    }
  }

  public void put(ResidentProfile profile) {
    ResidentProfile kept = shared(ProfileForMatching.of(profile));
    lock.writeLock().lock();
    try {
      int number = index.put(kept);
      Integer group = groupNumbers.get(new ReachCount.Alike(kept));
      if (group == null) {
        group = groupNumbers.size();
        groupNumbers.put(new ReachCount.Alike(kept), group);
      }
      if (number >= groupByNumber.length) {
        groupByNumber =
            Arrays.copyOf(groupByNumber, Math.max(number + 1, groupByNumber.length * 2));
      }
      groupByNumber[number] = group;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The resident's district as the profile now says, if the index holds the resident. */
  public java.util.Optional<String> districtOf(String residentId) {
    lock.readLock().lock();
    try {
      ResidentProfile profile = index.profileOf(residentId);
      return java.util.Optional.ofNullable(profile == null ? null : profile.district());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The languages the resident reads, in their order, as the profile now says (empty if none). */
  public List<String> languagesOf(String residentId) {
    lock.readLock().lock();
    try {
      ResidentProfile profile = index.profileOf(residentId);
      return profile == null || profile.languages() == null ? List.of() : profile.languages();
    } finally {
      lock.readLock().unlock();
    }
  }

  public void remove(String residentId) {
    lock.writeLock().lock();
    try {
      index.remove(residentId);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The profile with the parts many residents have alike (district, home point, interests, quiet
   * hours, time zone) as one shared instance each: less memory, and a preview groups residents by
   * those instances ({@link ReachCount}) without comparing their contents.
   */
  private ResidentProfile shared(ResidentProfile p) {
    return new ResidentProfile(
        p.id(),
        shared(p.municipalityCode()),
        shared(p.district()),
        shared(p.home()),
        p.birthYear(),
        p.childrenBirthYears(),
        shared(p.languages()),
        shared(p.interests()),
        p.consents(),
        shared(p.quietHours()),
        shared(p.timeZone()),
        p.accessibility(),
        p.updatedAt());
  }

  /**
   * The shared instance of the value. Values stay once shared (a resident who moves leaves the old
   * one behind), so past {@link #MAX_SHARED} distinct values a new one is kept as it is: grouping
   * by instance then only makes more groups, never a wrong count.
   */
  @SuppressWarnings("unchecked")
  private <T> T shared(T value) {
    if (value == null) {
      return null;
    }
    if (alike.size() >= MAX_SHARED) {
      return (T) alike.getOrDefault(value, value);
    }
    return (T) alike.computeIfAbsent(value, v -> v);
  }

  /** How many distinct values are shared (at most {@link #MAX_SHARED}). */
  int sharedValues() {
    return alike.size();
  }

  /**
   * The residents eligible for the notice at {@code at}, as the job's match stage finds them,
   * counted per group of residents alike ({@link ReachCount.Alike}) in one pass over the index's
   * numbers: no profile is touched but the first of each group.
   */
  ReachCount.Grouped grouped(Notice notice, Instant at) {
    lock.readLock().lock();
    try {
      int groups = groupNumbers.size();
      long[] counts = new long[groups];
      int[] first = new int[groups];
      int[] byNumber = groupByNumber;
      index.forEachEligible(
          notice,
          at,
          number -> {
            int group = byNumber[number];
            if (counts[group]++ == 0) {
              first[group] = number;
            }
          });
      List<ResidentProfile> firsts = new ArrayList<>(groups);
      for (int g = 0; g < groups; g++) {
        firsts.add(counts[g] == 0 ? null : index.profile(first[g]));
      }
      return new ReachCount.Grouped(firsts, counts);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The residents as they are now, each with the number of its group of residents alike ({@link
   * ReachCount.Alike}: what the policy reads of a resident, and the district), for a replay of many
   * notices that must not hold the lock meanwhile.
   *
   * @param profiles the residents, in no particular order
   * @param groups the group of each, at the same position; groups are numbered from 0
   */
  public record Snapshot(List<ResidentProfile> profiles, int[] groups) {}

  public Snapshot snapshot() {
    lock.readLock().lock();
    try {
      List<ResidentProfile> profiles = new ArrayList<>(index.size());
      int[] groups = new int[index.size()];
      for (int number = 0; number < groupByNumber.length; number++) {
        ResidentProfile p = index.profile(number);
        if (p != null) {
          groups[profiles.size()] = groupByNumber[number];
          profiles.add(p);
        }
      }
      return new Snapshot(profiles, groups);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The residents eligible for the notice at {@code at}, as the job's match stage finds them. */
  public List<ResidentProfile> eligible(Notice notice, Instant at) {
    lock.readLock().lock();
    try {
      return index.eligible(notice, at);
    } finally {
      lock.readLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return index.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** profiles.v1 has been read up to where it ended when the API started. */
  public void markCaughtUp() {
    caughtUp.mark();
  }

  public boolean isCaughtUp() {
    return caughtUp.is();
  }
}
