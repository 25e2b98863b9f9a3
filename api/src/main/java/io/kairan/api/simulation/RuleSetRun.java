package io.kairan.api.simulation;

import io.kairan.api.comparison.DeliveryTally;
import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.rules.RuleSet;
import io.kairan.recommender.decide.Affinity;
import io.kairan.recommender.decide.Decision;
import io.kairan.recommender.decide.DeliveryPolicy;
import io.kairan.recommender.decide.PushDay;
import io.kairan.recommender.decide.Relevance;
import io.kairan.recommender.match.Match;
import java.time.Instant;

/**
 * One rule set's world in a replay, as if it were the active set: each resident's push day (only
 * the one day, as the job keeps it) and the tally of what it delivered. The decision is the job's
 * ({@code DecideDeliveries.decide}): {@link Relevance#score}, {@link DeliveryPolicy#plan}, the
 * day's count, {@link DeliveryPolicy#underCaps} and {@link DeliveryPolicy#count}, with every
 * resident's affinity neutral (the job's learned likings are its own state). Not thread-safe.
 */
final class RuleSetRun {
  private final RuleSet rules;
  private final DeliveryTally tally;
  private final PushDay[] days;
  // The decision under the caps is the job's function of the plan, the match and the day's counts;
  // within one version a group shares plan and match, so it is worked out once per group and
  // counts (a digest decision costs a time zone lookup and a parse).
  private final java.util.HashMap<Long, Decision> underCaps = new java.util.HashMap<>();

  RuleSetRun(RuleSet rules, DeliveryTally tally, int residents) {
    this.rules = rules;
    this.tally = tally;
    this.days = new PushDay[residents];
  }

  RuleSet rules() {
    return rules;
  }

  DeliveryTally tally() {
    return tally;
  }

  /** The decision before caps for a first delivery (or an update pushed again) at {@code at}. */
  Decision plan(Match match, Instant at) {
    double score = Relevance.score(match, rules, Affinity.NEUTRAL, at);
    return DeliveryPolicy.plan(match, score, rules, at);
  }

  /**
   * The resident's decision under the day's caps, counted into their push day and, unless it is
   * {@code warmUp} (a version before the window, replayed only so that later ones are decided as
   * updates), into the tally.
   */
  Decision decide(int resident, Match match, Decision planned, boolean warmUp) {
    String day = DeliveryPolicy.dayOf(planned, match);
    PushDay counted = days[resident];
    PushDay sameDay = counted != null && counted.date().equals(day) ? counted : PushDay.empty(day);
    return counted(
        resident, match, DeliveryPolicy.underCaps(planned, match, rules, sameDay), sameDay, warmUp);
  }

  /** A new version: what was worked out per group is of the previous one. */
  void nextVersion() {
    underCaps.clear();
  }

  /**
   * The same for a resident of {@code group} (planned once for the whole group in this version),
   * with the local day of the plan ({@link DeliveryPolicy#dayOf}) known already.
   */
  Decision decide(
      int resident, int group, Match match, Decision planned, String day, boolean warmUp) {
    PushDay counted = days[resident];
    PushDay sameDay = counted != null && counted.date().equals(day) ? counted : PushDay.empty(day);
    Decision decision;
    if (sameDay.pushes() < 256 && sameDay.firmPushes() < 256) {
      long key = ((long) group << 16) | (sameDay.pushes() << 8) | sameDay.firmPushes();
      decision = underCaps.get(key);
      if (decision == null) {
        decision = DeliveryPolicy.underCaps(planned, match, rules, sameDay);
        underCaps.put(key, decision);
      }
    } else {
      decision = DeliveryPolicy.underCaps(planned, match, rules, sameDay);
    }
    return counted(resident, match, decision, sameDay, warmUp);
  }

  private Decision counted(
      int resident, Match match, Decision decision, PushDay sameDay, boolean warmUp) {
    days[resident] = DeliveryPolicy.count(sameDay, decision, match);
    if (!warmUp) {
      tally.add(
          resident,
          match.category(),
          match.severity(),
          decision.channel(),
          decision.pushAt(),
          rules.label());
    }
    return decision;
  }

  /**
   * A pending push that will not go out (its notice was withdrawn) gives its slot of the day back.
   */
  void giveBack(int resident, String pushDate, PublisherKind kind) {
    PushDay day = days[resident];
    if (day != null && day.date().equals(pushDate)) {
      days[resident] = day.minus(kind);
    }
  }

  static boolean pending(Decision decision) {
    return decision.channel() == Channel.PUSH_AT;
  }
}
