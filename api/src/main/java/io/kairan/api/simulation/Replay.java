package io.kairan.api.simulation;

import io.kairan.api.comparison.ChannelChanges;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.recommender.decide.Decision;
import io.kairan.recommender.decide.DeliveryPolicy;
import io.kairan.recommender.match.Match;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notice versions replayed in the order they were published, each decided at its publication time
 * for every resident eligible then, under two rule sets side by side ({@link RuleSetRun}), as the
 * job's decide stage does for each version it matches: a version the resident already has (or an
 * older one) is skipped, an update is silent unless it must be pushed again ({@link
 * DeliveryPolicy#pushesAgain}), and a withdrawal gives the pending pushes of the day back. What is
 * remembered per resident and notice is kept only for notices with more than one version. Not
 * thread-safe.
 */
final class Replay {
  /** How the eligible residents of a version are found, with the match standing for each. */
  interface Residents {
    int size();

    /** How many groups {@link Eligible#accept} numbers (0 when each resident is planned alone). */
    int groups();

    void forEachEligible(Notice version, Instant at, Eligible each);
  }

  /**
   * One eligible resident, with a match of theirs (or of a resident alike in all the policy reads)
   * and their group: residents of one group get the same plan, so it is made once per version and
   * group; -1 plans the resident alone.
   */
  interface Eligible {
    void accept(int resident, int group, Match match);
  }

  /** What is remembered of a resident's notice: the job's {@code Delivered}, per rule set. */
  private record Given(
      int version,
      Severity severity,
      PublisherKind kind,
      long activePendingAt,
      String activeDay,
      long candidatePendingAt,
      String candidateDay) {}

  private final Residents residents;
  private final RuleSetRun active;
  private final RuleSetRun candidate;
  private final ChannelChanges changes;
  private final Set<String> remembered;
  private final Map<String, Map<Integer, Given>> given = new HashMap<>();
  private final Decision[] activePlans;
  private final Decision[] candidatePlans;
  // The local day of each plan: the same for the whole group, and costly to work out per resident.
  private final String[] activeDays;
  private final String[] candidateDays;
  private final int[] plannedFor;
  private int stamp;

  /**
   * @param remembered the notices with more than one version to replay: what each resident has of
   *     them is kept, for the later versions
   */
  Replay(
      Residents residents,
      RuleSetRun active,
      RuleSetRun candidate,
      ChannelChanges changes,
      Set<String> remembered) {
    this.residents = residents;
    this.active = active;
    this.candidate = candidate;
    this.changes = changes;
    this.remembered = remembered;
    this.activePlans = new Decision[residents.groups()];
    this.candidatePlans = new Decision[residents.groups()];
    this.activeDays = new String[residents.groups()];
    this.candidateDays = new String[residents.groups()];
    this.plannedFor = new int[residents.groups()];
  }

  /**
   * One version, decided at its publication time; {@code warmUp} for one published before the
   * window (decided, not counted).
   */
  void replay(Notice version, boolean warmUp) {
    Instant at = version.publishedAt();
    if (version.isWithdrawn()) {
      withdraw(version.id(), at);
      return;
    }
    stamp++;
    active.nextVersion();
    candidate.nextVersion();
    Map<Integer, Given> known =
        remembered.contains(version.id())
            ? given.computeIfAbsent(version.id(), id -> new HashMap<>())
            : null;
    residents.forEachEligible(
        version,
        at,
        (resident, group, match) -> deliver(resident, group, match, known, at, warmUp));
  }

  private void deliver(
      int resident, int group, Match match, Map<Integer, Given> known, Instant at, boolean warmUp) {
    Given before = known == null ? null : known.get(resident);
    if (before != null && before.version() >= match.noticeVersion()) {
      return;
    }
    boolean silent = before != null && !DeliveryPolicy.pushesAgain(match, before.severity());
    Decision a;
    Decision c;
    if (silent) {
      Decision update = DeliveryPolicy.silentUpdate(at);
      a = active.decide(resident, match, update, warmUp);
      c = candidate.decide(resident, match, update, warmUp);
    } else if (group < 0) {
      a = active.decide(resident, match, active.plan(match, at), warmUp);
      c = candidate.decide(resident, match, candidate.plan(match, at), warmUp);
    } else {
      if (plannedFor[group] != stamp) {
        activePlans[group] = active.plan(match, at);
        candidatePlans[group] = candidate.plan(match, at);
        activeDays[group] = DeliveryPolicy.dayOf(activePlans[group], match);
        candidateDays[group] = DeliveryPolicy.dayOf(candidatePlans[group], match);
        plannedFor[group] = stamp;
      }
      a = active.decide(resident, group, match, activePlans[group], activeDays[group], warmUp);
      c =
          candidate.decide(
              resident, group, match, candidatePlans[group], candidateDays[group], warmUp);
    }
    if (!warmUp) {
      changes.compare(resident, a.channel(), c.channel());
    }
    if (known != null) {
      known.put(
          resident,
          new Given(
              match.noticeVersion(),
              match.severity(),
              match.publisherKind(),
              RuleSetRun.pending(a) ? a.pushAt().toEpochMilli() : 0,
              RuleSetRun.pending(a) ? DeliveryPolicy.dayOf(a, match) : null,
              RuleSetRun.pending(c) ? c.pushAt().toEpochMilli() : 0,
              RuleSetRun.pending(c) ? DeliveryPolicy.dayOf(c, match) : null));
    }
  }

  /** Every resident given the notice: a push still pending gives its slot of the day back. */
  private void withdraw(String noticeId, Instant at) {
    Map<Integer, Given> known = given.remove(noticeId);
    if (known == null) {
      return;
    }
    long now = at.toEpochMilli();
    known.forEach(
        (resident, g) -> {
          if (g.activePendingAt() > now) {
            active.giveBack(resident, g.activeDay(), g.kind());
          }
          if (g.candidatePendingAt() > now) {
            candidate.giveBack(resident, g.candidateDay(), g.kind());
          }
        });
  }

  /** The versions to replay, in the order published (then by notice and version). */
  static List<Notice> inOrder(List<Notice> versions) {
    return versions.stream()
        .sorted(
            java.util.Comparator.comparing(Notice::publishedAt)
                .thenComparing(Notice::id)
                .thenComparingInt(Notice::version))
        .toList();
  }
}
