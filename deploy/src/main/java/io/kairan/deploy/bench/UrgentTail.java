package io.kairan.deploy.bench;

import io.kairan.deploy.bench.CheckpointLog.Checkpoint;
import io.kairan.deploy.bench.GcPauses.Pause;
import io.kairan.deploy.bench.UrgentLatency.Timing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an urgent notice was slow, per notice: the checkpoints that ran while it was on its way and
 * the garbage-collection pauses of the stack's JVM in the same time; what is left is queueing (the
 * machine's two cores busy with something else).
 */
final class UrgentTail {
  static final long FIRST_TARGET_MS = 500;
  static final long LAST_TARGET_MS = 2000;

  /** One notice and what happened while it was on its way (sent → last delivery). */
  record Explained(
      Timing timing,
      List<Checkpoint> checkpoints,
      long gcMillis,
      boolean behindEarlier,
      String cause) {}

  private UrgentTail() {}

  static List<Explained> explain(
      List<Timing> timings, List<Checkpoint> checkpoints, List<Pause> pauses) {
    var explained = new ArrayList<Explained>();
    long earlierStillDelivering = Long.MIN_VALUE; // the latest last delivery of the notices before
    for (Timing t : timings) {
      List<Checkpoint> during =
          checkpoints.stream().filter(c -> c.overlaps(t.sent(), t.last())).toList();
      long gc = pauses.stream().mapToLong(p -> p.overlapWith(t.sent(), t.last())).sum();
      boolean behind = earlierStillDelivering > t.sent();
      explained.add(new Explained(t, during, gc, behind, cause(t, during, gc, behind)));
      earlierStillDelivering = Math.max(earlierStillDelivering, t.last());
    }
    return explained;
  }

  private static String cause(
      Timing t, List<Checkpoint> checkpoints, long gcMillis, boolean behindEarlier) {
    if (t.toFirst() <= FIRST_TARGET_MS && t.toLast() <= LAST_TARGET_MS) {
      return "in time";
    }
    if (gcMillis * 2 >= t.toLast()) {
      return "gc";
    }
    if ((t.accepted() - t.sent()) * 2 >= t.toFirst()) {
      return "api"; // the API took half of the time to accept it (its write to notices.v1)
    }
    if (behindEarlier) {
      return "behind earlier notices"; // their deliveries were still being decided when it came
    }
    return checkpoints.isEmpty() ? "other" : "checkpoint";
  }

  /** The latencies of the notices that met a checkpoint beside those that met none. */
  static Map<String, Object> byCheckpoint(List<Explained> explained) {
    Latencies withFirst = new Latencies();
    Latencies withLast = new Latencies();
    Latencies withoutFirst = new Latencies();
    Latencies withoutLast = new Latencies();
    for (Explained e : explained) {
      boolean met = !e.checkpoints().isEmpty();
      (met ? withFirst : withoutFirst).record(e.timing().toFirst());
      (met ? withLast : withoutLast).record(e.timing().toLast());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("metCheckpoint", Map.of("first", withFirst.json(), "last", withLast.json()));
    json.put("metNoCheckpoint", Map.of("first", withoutFirst.json(), "last", withoutLast.json()));
    return json;
  }

  static Map<String, Long> causes(List<Explained> explained) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String cause :
        List.of("in time", "gc", "api", "behind earlier notices", "checkpoint", "other")) {
      counts.put(cause, explained.stream().filter(e -> e.cause().equals(cause)).count());
    }
    return counts;
  }

  static void print(List<Explained> explained, int slowest) {
    System.out.printf(
        "  urgent notices by cause (first > %d ms or last > %d ms): %s%n",
        FIRST_TARGET_MS, LAST_TARGET_MS, causes(explained));
    System.out.println(
        "  (cause, district, ms from sending to the API's answer, first and last delivery)");
    System.out.printf(
        "  slowest %d:%13s %-10s %8s %8s %8s %7s %6s  %s%n",
        slowest,
        "",
        "district",
        "api ms",
        "first ms",
        "last ms",
        "n",
        "gc ms",
        "checkpoints (start +ms, length ms)");
    explained.stream()
        .sorted(Comparator.comparingLong((Explained e) -> e.timing().toLast()).reversed())
        .limit(slowest)
        .forEach(
            e -> {
              Timing t = e.timing();
              var cps = new StringBuilder();
              for (Checkpoint c : e.checkpoints()) {
                cps.append(
                    String.format(
                        " #%d(%+d, %s)",
                        c.id(),
                        c.start() - t.sent(),
                        c.end() < 0 ? "running" : String.valueOf(c.end() - c.start())));
              }
              System.out.printf(
                  "    %-22s %-10s %8d %8d %8d %7d %6d %s%n",
                  e.cause(),
                  t.district(),
                  t.accepted() - t.sent(),
                  t.toFirst(),
                  t.toLast(),
                  t.deliveries(),
                  e.gcMillis(),
                  cps);
            });
  }
}
