package io.kairan.api.simulation;

import io.kairan.api.comparison.ChannelChanges;
import io.kairan.api.comparison.DeliveryTally;
import io.kairan.api.reach.Withholding;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * A candidate rule set and the active one replayed over the notice versions published in a window,
 * against the same residents ({@link Replay}); the figures are the comparison's, for each set.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * What a simulation runs on.
   *
   * @param groups the group of residents alike of each profile, at the same position ({@link
   *     io.kairan.api.reach.ResidentIndex.Snapshot}); one group per resident is always right, only
   *     slower
   * @param versions the notices' versions the API holds, in any order: those published in [from,
   *     to] are counted; earlier versions of the same notices are replayed first, uncounted, so
   *     later ones are decided as the updates they are
   */
  public record Input(
      List<ResidentProfile> profiles,
      int[] groups,
      List<Notice> versions,
      RuleSet active,
      RuleSet candidate,
      Instant from,
      Instant to,
      ZoneId zone) {}

  /** How the eligible residents are found: the job's index, or the plain scan (the reference). */
  public enum Method {
    INDEX,
    PLAIN_SCAN
  }

  public static SimulationFigures run(Input in, Method method, DoubleConsumer progress) {
    List<Notice> versions = Replay.inOrder(replayed(in.versions(), in.from(), in.to()));
    Set<String> remembered = severalVersions(versions);
    LocalDate firstDay = in.from().atZone(in.zone()).toLocalDate();
    int days = (int) ChronoUnit.DAYS.between(firstDay, in.to().atZone(in.zone()).toLocalDate()) + 2;
    int size = in.profiles().size();
    Replay.Residents residents =
        method == Method.INDEX
            ? new IndexedResidents(in.profiles(), in.groups())
            : new ScannedResidents(in.profiles());
    RuleSetRun active =
        new RuleSetRun(in.active(), new DeliveryTally(in.zone(), firstDay, days), size);
    RuleSetRun candidate =
        new RuleSetRun(in.candidate(), new DeliveryTally(in.zone(), firstDay, days), size);
    ChannelChanges changes = new ChannelChanges();
    Replay replay = new Replay(residents, active, candidate, changes, remembered);
    Set<String> notices = new HashSet<>();
    long counted = 0;
    for (int i = 0; i < versions.size(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("simulation interrupted");
      }
      Notice version = versions.get(i);
      boolean warmUp = version.publishedAt().isBefore(in.from());
      replay.replay(version, warmUp);
      if (!warmUp) {
        notices.add(version.id());
        counted++;
      }
      progress.accept((i + 1.0) / versions.size());
    }
    return new SimulationFigures(
        in.from(),
        in.to(),
        in.zone().getId(),
        Withholding.withholds(size) ? null : (long) size,
        notices.size(),
        counted,
        active.tally().figures(),
        candidate.tally().figures(),
        changes.figures(),
        Withholding.MINIMUM_GROUP);
  }

  /** The versions published in [from, to], and the earlier versions of their notices. */
  static List<Notice> replayed(List<Notice> versions, Instant from, Instant to) {
    Set<String> inWindow = new HashSet<>();
    for (Notice v : versions) {
      if (v.publishedAt() != null
          && !v.publishedAt().isBefore(from)
          && !v.publishedAt().isAfter(to)) {
        inWindow.add(v.id());
      }
    }
    List<Notice> replayed = new ArrayList<>();
    for (Notice v : versions) {
      if (inWindow.contains(v.id()) && v.publishedAt() != null && !v.publishedAt().isAfter(to)) {
        replayed.add(v);
      }
    }
    return replayed;
  }

  private static Set<String> severalVersions(List<Notice> versions) {
    Map<String, Integer> count = new HashMap<>();
    versions.forEach(v -> count.merge(v.id(), 1, Integer::sum));
    Set<String> several = new HashSet<>();
    count.forEach(
        (id, n) -> {
          if (n > 1) {
            several.add(id);
          }
        });
    return several;
  }
}
