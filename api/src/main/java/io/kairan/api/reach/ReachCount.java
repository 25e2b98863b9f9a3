package io.kairan.api.reach;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.recommender.decide.Affinity;
import io.kairan.recommender.decide.Decision;
import io.kairan.recommender.decide.DeliveryPolicy;
import io.kairan.recommender.decide.PushDay;
import io.kairan.recommender.decide.Relevance;
import io.kairan.recommender.match.Match;
import io.kairan.recommender.match.Matching;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact counts of a reach, before anything is withheld: the residents a notice reaches, by
 * district and by the channel the rule set would choose for each of them now.
 */
record ReachCount(long residents, Map<String, Long> byDistrict, Map<Channel, Long> byChannel) {

  /**
   * Eligible residents counted in groups alike ({@link Alike}); {@code firsts} holds an eligible
   * resident of each group, who stands for all of it in the match and the decision.
   */
  record Grouped(List<ResidentProfile> firsts, long[] counts) {}

  /**
   * Counts what the job would do with the notice as a new version: the residents the job's index
   * found eligible, each on the channel {@link DeliveryPolicy} chooses under {@code rules} at
   * {@code now} for the {@link Match} that {@link Matching} makes of them.
   *
   * <p>The policy reads of a resident only their interests (through the interests the audience
   * names), their home (distance to the notice), their quiet hours and time zone; everything else
   * in a match is the notice's. So residents alike in those four get the same channel: they are
   * counted in groups (with their district, for the split), and the channel is decided once per
   * group (a city has a few hundred home points and a handful of quiet hours and zones), not once
   * per resident: a city-wide preview of a million residents matches and decides a few thousand,
   * and counts the rest with one array lookup each ({@link ResidentIndex#grouped}).
   */
  static ReachCount of(Notice notice, Grouped grouped, RuleSet rules, Instant now) {
    if (!Matching.isLive(notice, now)) {
      return new ReachCount(0, Map.of(), Map.of()); // a validity already over reaches nobody
    }
    long residents = 0;
    Map<String, Long> byDistrict = new TreeMap<>();
    long[] byChannel = new long[Channel.values().length];
    for (int g = 0; g < grouped.firsts().size(); g++) {
      long count = grouped.counts()[g];
      if (count == 0) {
        continue;
      }
      ResidentProfile first = grouped.firsts().get(g);
      residents += count;
      byDistrict.merge(first.district(), count, Long::sum);
      byChannel[decide(notice, first, rules, now).ordinal()] += count;
    }
    Map<Channel, Long> channels = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      if (byChannel[channel.ordinal()] > 0) {
        channels.put(channel, byChannel[channel.ordinal()]);
      }
    }
    return new ReachCount(residents, byDistrict, channels);
  }

  /**
   * A resident's district and what the policy reads of them (beside the notice, the rules and the
   * time), compared by identity: the {@link ResidentIndex} shares each value among the residents
   * who have it alike, so one instance stands for one value and a lookup never compares contents.
   * Equal values in distinct instances only make more groups, never a wrong count.
   */
  static final class Alike {
    private final Object district;
    private final Object interests;
    private final Object home;
    private final Object quietHours;
    private final Object timeZone;
    private final int hash;

    Alike(ResidentProfile p) {
      district = p.district();
      interests = p.interests();
      home = p.home();
      quietHours = p.quietHours();
      timeZone = p.timeZone();
      int h = System.identityHashCode(district);
      h = h * 31 + System.identityHashCode(interests);
      h = h * 31 + System.identityHashCode(home);
      h = h * 31 + System.identityHashCode(quietHours);
      hash = h * 31 + System.identityHashCode(timeZone);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Alike other
          && district == other.district
          && interests == other.interests
          && home == other.home
          && quietHours == other.quietHours
          && timeZone == other.timeZone;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The match the job's match stage makes of an eligible resident, decided as a first delivery. */
  private static Channel decide(
      Notice notice, ResidentProfile profile, RuleSet rules, Instant now) {
    Match match =
        Matching.match(notice, profile, false, now)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the index found resident "
                            + profile.id()
                            + " eligible, Matching did not"));
    return channel(match, rules, now);
  }

  /**
   * The job's decision for a first delivery, minus what only the job knows of the resident: their
   * learned affinity is taken as neutral, and their pushes earlier that day as none (so a daily cap
   * only shows when it is 0).
   */
  static Channel channel(Match match, RuleSet rules, Instant now) {
    double score = Relevance.score(match, rules, Affinity.NEUTRAL, now);
    Decision planned = DeliveryPolicy.plan(match, score, rules, now);
    PushDay noPushesYet = PushDay.empty(DeliveryPolicy.dayOf(planned, match));
    return DeliveryPolicy.underCaps(planned, match, rules, noPushesYet).channel();
  }
}
