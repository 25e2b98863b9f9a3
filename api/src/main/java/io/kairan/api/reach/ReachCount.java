package io.kairan.api.reach;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.QuietHours;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exact counts of a reach, before anything is withheld: the residents a notice reaches, by
 * district and by the channel the rule set would choose for each of them now.
 */
record ReachCount(long residents, Map<String, Long> byDistrict, Map<Channel, Long> byChannel) {

  /**
   * Counts what the job would do with the notice as a new version: the residents the job's index
   * found eligible, each on the channel {@link DeliveryPolicy} chooses under {@code rules} at
   * {@code now} for the {@link Match} that {@link Matching} makes of them.
   *
   * <p>The policy reads of a resident only their interests (through the interests the audience
   * names), their home (distance to the notice), their quiet hours and time zone; everything else
   * in a match is the notice's. So residents alike in those four get the same channel, and the
   * channel is decided once per such group (a city has a few hundred home points and a handful of
   * quiet hours and zones), not once per resident: a city-wide preview of a million residents then
   * matches and decides a few thousand, and counts the rest.
   */
  static ReachCount of(
      Notice notice, Iterable<ResidentProfile> eligible, RuleSet rules, Instant now) {
    if (!Matching.isLive(notice, now)) {
      return new ReachCount(0, Map.of(), Map.of()); // a validity already over reaches nobody
    }
    long residents = 0;
    Map<String, long[]> perDistrict = new HashMap<>();
    long[] byChannel = new long[Channel.values().length];
    Map<PolicyInputs, Channel> decided = new HashMap<>();
    for (ResidentProfile profile : eligible) {
      Channel channel =
          decided.computeIfAbsent(
              PolicyInputs.of(profile), inputs -> decide(notice, profile, rules, now));
      residents++;
      perDistrict.computeIfAbsent(profile.district(), d -> new long[1])[0]++;
      byChannel[channel.ordinal()]++;
    }
    Map<String, Long> byDistrict = new TreeMap<>();
    perDistrict.forEach((district, count) -> byDistrict.put(district, count[0]));
    Map<Channel, Long> channels = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      if (byChannel[channel.ordinal()] > 0) {
        channels.put(channel, byChannel[channel.ordinal()]);
      }
    }
    return new ReachCount(residents, byDistrict, channels);
  }

  /** What the policy reads of a resident, beside the notice, the rules and the time. */
  private record PolicyInputs(
      Set<String> interests, GeoPoint home, QuietHours quietHours, String timeZone) {
    static PolicyInputs of(ResidentProfile p) {
      return new PolicyInputs(p.interests(), p.home(), p.quietHours(), p.timeZone());
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
