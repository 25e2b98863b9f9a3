package io.kairan.deploy.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run's outcome says against the workload's reference (who each notice is for, from the
 * districts alone): notices and deliveries lost, deliveries to someone a notice is not for, pushes
 * missing or sent twice, feeds incomplete.
 */
record DrillCounts(
    int noticesPlanned,
    int noticesAccepted,
    int noticesLost,
    long deliveriesExpected,
    long deliveriesFound,
    long deliveriesLost,
    long deliveriesMisdirected,
    long deliveryRecords,
    long deliveryRecordsRepeated,
    long pushesExpected,
    long devicesPushed,
    long pushesMissing,
    long devicesPushedTwice,
    long extraSends,
    int emergenciesWithoutTopicMessage,
    int feedsComplete,
    int feedsChecked,
    long feedItemsMissing,
    long feedItemsForeign) {

  static DrillCounts of(DrillWorkload workload, DrillRun.Outcome outcome) {
    int lost = 0;
    long expected = 0;
    long found = 0;
    long deliveriesLost = 0;
    long misdirected = 0;
    long pushesExpected = 0;
    long pushed = 0;
    long missing = 0;
    long twice = 0;
    long extra = 0;
    long records = 0;
    int noTopic = 0;
    Map<String, Set<String>> wantedFeeds = new HashMap<>();
    for (var accepted : outcome.accepted().values()) {
      int k = accepted.seq();
      String id = accepted.noticeId();
      if (!outcome.noticesOnTopic().contains(id)) {
        lost++;
      }
      Set<String> eligible = workload.eligible(k);
      Set<String> delivered = outcome.deliveries().getOrDefault(id, Set.of());
      expected += eligible.size();
      found += delivered.size();
      records += outcome.deliveryRecords().getOrDefault(id, 0L);
      deliveriesLost += eligible.stream().filter(r -> !delivered.contains(r)).count();
      misdirected += delivered.stream().filter(r -> !eligible.contains(r)).count();
      eligible.forEach(r -> wantedFeeds.computeIfAbsent(r, x -> new HashSet<>()).add(id));
      if (workload.isEmergency(k)) {
        pushesExpected += eligible.size();
        for (String resident : eligible) {
          int index = Integer.parseInt(resident.substring("drill-".length()));
          int sends = outcome.pushes().getOrDefault(workload.token(index) + "|" + id, 0);
          if (sends == 0) {
            missing++;
          } else {
            pushed++;
          }
          if (sends > 1) {
            twice++;
            extra += sends - 1;
          }
        }
        if (outcome.topicMessages().getOrDefault(id, 0) == 0) {
          noTopic++;
        }
      }
    }
    Set<String> drillNotices = new HashSet<>();
    outcome.accepted().values().forEach(a -> drillNotices.add(a.noticeId()));
    int complete = 0;
    long itemsMissing = 0;
    long foreign = 0;
    for (var feed : outcome.feeds().entrySet()) {
      Set<String> wanted = wantedFeeds.getOrDefault(feed.getKey(), Set.of());
      long absent = wanted.stream().filter(n -> !feed.getValue().contains(n)).count();
      itemsMissing += absent;
      foreign +=
          feed.getValue().stream()
              .filter(n -> drillNotices.contains(n) && !wanted.contains(n))
              .count();
      if (absent == 0) {
        complete++;
      }
    }
    return new DrillCounts(
        workload.notices(),
        outcome.accepted().size(),
        lost,
        expected,
        found,
        deliveriesLost,
        misdirected,
        records,
        records - found,
        pushesExpected,
        pushed,
        missing,
        twice,
        extra,
        noTopic,
        complete,
        outcome.feeds().size(),
        itemsMissing,
        foreign);
  }

  /**
   * Nothing lost, nothing misdirected, every feed complete; a device pushed twice only within the
   * one chunk each kill of push may resend (README, "Push": at most 500 messages).
   */
  boolean passed(int pushKills) {
    return noticesAccepted == noticesPlanned
        && noticesLost == 0
        && deliveriesLost == 0
        && deliveriesMisdirected == 0
        && pushesMissing == 0
        && extraSends <= 500L * pushKills
        && emergenciesWithoutTopicMessage == 0
        && feedsComplete == feedsChecked
        && feedItemsForeign == 0;
  }

  /**
   * Differences from a run without faults, notice by notice (by their number in the workload): who
   * got it, whose device was pushed, whose feed shows it.
   */
  static Map<String, Long> differences(
      DrillWorkload workload, DrillRun.Outcome baseline, DrillRun.Outcome faulty) {
    Map<String, Long> differences = new TreeMap<>();
    long delivered = 0;
    long pushedDiff = 0;
    long feedDiff = 0;
    for (int k = 0; k < workload.notices(); k++) {
      var a = baseline.accepted().get(k);
      var b = faulty.accepted().get(k);
      if (a == null || b == null) {
        delivered += a == b ? 0 : 1;
        continue;
      }
      Set<String> inA = baseline.deliveries().getOrDefault(a.noticeId(), Set.of());
      Set<String> inB = faulty.deliveries().getOrDefault(b.noticeId(), Set.of());
      delivered += symmetricDifference(inA, inB);
      pushedDiff +=
          symmetricDifference(pushedTo(baseline, a.noticeId()), pushedTo(faulty, b.noticeId()));
      feedDiff +=
          symmetricDifference(shownTo(baseline, a.noticeId()), shownTo(faulty, b.noticeId()));
    }
    differences.put("residents given a notice", delivered);
    differences.put("devices pushed a notice", pushedDiff);
    differences.put("feeds showing a notice", feedDiff);
    return differences;
  }

  private static Set<String> pushedTo(DrillRun.Outcome outcome, String noticeId) {
    Set<String> tokens = new HashSet<>();
    outcome
        .pushes()
        .keySet()
        .forEach(
            key -> {
              int bar = key.lastIndexOf('|');
              if (key.substring(bar + 1).equals(noticeId)) {
                tokens.add(key.substring(0, bar));
              }
            });
    return tokens;
  }

  private static Set<String> shownTo(DrillRun.Outcome outcome, String noticeId) {
    Set<String> residents = new HashSet<>();
    outcome
        .feeds()
        .forEach(
            (resident, feed) -> {
              if (feed.contains(noticeId)) {
                residents.add(resident);
              }
            });
    return residents;
  }

  private static long symmetricDifference(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).count()
        + b.stream().filter(x -> !a.contains(x)).count();
  }
}
