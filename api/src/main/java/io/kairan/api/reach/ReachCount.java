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
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact counts of a reach, before anything is withheld: the residents a notice reaches, by
 * district and by the channel the rule set would choose for each of them now.
 */
record ReachCount(long residents, Map<String, Long> byDistrict, Map<Channel, Long> byChannel) {

  /**
   * Counts what the job would do with the notice as a new version: each resident the index found is
   * matched by {@link Matching} (which checks eligibility again, as the job's match stage does) and
   * decided by {@link DeliveryPolicy} under {@code rules} at {@code now}.
   */
  static ReachCount of(
      Notice notice, Iterable<ResidentProfile> eligible, RuleSet rules, Instant now) {
    long residents = 0;
    Map<String, Long> byDistrict = new TreeMap<>();
    Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
    for (ResidentProfile profile : eligible) {
      var match = Matching.match(notice, profile, false, now);
      if (match.isEmpty()) {
        continue;
      }
      residents++;
      byDistrict.merge(profile.district(), 1L, Long::sum);
      byChannel.merge(channel(match.get(), rules, now), 1L, Long::sum);
    }
    return new ReachCount(residents, byDistrict, byChannel);
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
