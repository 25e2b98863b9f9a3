package io.kairan.deploy.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The load runs' tables, their scaling factors and the machine they ran on. */
final class LoadReport {
  private LoadReport() {}

  static void print(LoadPlan plan, LoadRun.Result r) {
    StreamFigures s = r.stream();
    System.out.printf(
        """

        Load: shape %s (%d municipalities, %,d residents each), parallelism %d
          profiles: %,d published in %.1f s, committed by the job after %.1f s (%,.0f/s); load average %.1f-%.1f
          notices: %d at %.1f/s posted in %.1f s, %d accepted, %d refused, %d without a delivery
          deliveries: %,d in %.1f s = %,.0f/s; load average %.1f-%.1f
          API accept -> first delivery: p50 %d, p95 %d, p99 %d, max %d ms
          API accept -> last delivery:  p50 %d, p95 %d, p99 %d, max %d ms
          job state in its last checkpoint: %,d B (%.0f B per resident); restarts %d
        """,
        r.shape().label(),
        r.shape().municipalities(),
        plan.residentsPerMunicipality(r.shape()),
        r.parallelism(),
        r.residents(),
        r.publishSeconds(),
        r.absorbSeconds(),
        r.residents() / r.absorbSeconds(),
        r.loadAverageLoad()[0],
        r.loadAverageLoad()[1],
        plan.notices(),
        plan.noticeRate(),
        r.posted().seconds(),
        s.accepted(),
        r.posted().refused(),
        s.undelivered(),
        s.deliveries(),
        s.deliverySeconds(),
        s.deliveriesPerSecond(),
        r.loadAverageStream()[0],
        r.loadAverageStream()[1],
        s.first().p50Ms(),
        s.first().p95Ms(),
        s.first().p99Ms(),
        s.first().maxMs(),
        s.last().p50Ms(),
        s.last().p95Ms(),
        s.last().p99Ms(),
        s.last().maxMs(),
        r.stateBytes(),
        r.residents() == 0 ? 0 : r.stateBytes() / (double) r.residents(),
        r.restarts());
    System.out.printf(
        "  deliveries.v1: %,d B of record values (%.0f B each); Elasticsearch: %s%n",
        r.deliveryBytes(),
        s.deliveries() == 0 ? 0 : r.deliveryBytes() / (double) s.deliveries(),
        r.elasticsearch());
    r.posted().reasons().forEach(reason -> System.out.println("  refused: " + reason));
    System.out.printf(
        "  %-16s %8s | %10s %7s | %10s %7s | %8s %9s%n",
        "process", "pid", "load CPU s", "cores", "stream CPU", "cores", "RSS MiB", "peak MiB");
    for (ProcessUsage stream : r.streamUsage()) {
      Optional<ProcessUsage> load =
          r.loadUsage().stream().filter(u -> u.name().equals(stream.name())).findFirst();
      System.out.printf(
          "  %-16s %8d | %10.1f %7.2f | %10.1f %7.2f | %8d %9d%n",
          stream.name(),
          stream.pid(),
          load.map(ProcessUsage::cpuSeconds).orElse(0.0),
          load.map(ProcessUsage::cores).orElse(0.0),
          stream.cpuSeconds(),
          stream.cores(),
          stream.rssMib(),
          stream.peakRssMib());
    }
  }

  /** Per shape measured at two parallelisms: the higher one's deliveries/s over the lower's. */
  static Map<String, Object> scaling(List<LoadRun.Result> results) {
    Map<String, Object> scaling = new LinkedHashMap<>();
    for (LoadShape shape : LoadShape.values()) {
      List<LoadRun.Result> runs = results.stream().filter(r -> r.shape() == shape).toList();
      if (runs.size() < 2) {
        continue;
      }
      LoadRun.Result low = runs.get(0);
      for (LoadRun.Result high : runs.subList(1, runs.size())) {
        scaling.put(
            shape.label() + ": parallelism " + high.parallelism() + " / " + low.parallelism(),
            factor(low.stream().deliveriesPerSecond(), high.stream().deliveriesPerSecond()));
      }
    }
    return scaling;
  }

  static double factor(double low, double high) {
    return low == 0 ? 0 : Math.round(high / low * 1000) / 1000.0;
  }

  static void printScaling(List<LoadRun.Result> results) {
    System.out.println();
    scaling(results)
        .forEach(
            (what, factor) ->
                System.out.printf("Scaling, deliveries/s, %s: %.2f x%n", what, (double) factor));
  }

  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memoryGiB", memoryGiB());
    machine.put("java", System.getProperty("java.version"));
    return machine;
  }

  private static long memoryGiB() {
    try {
      return ProcStat.kib(Files.readString(Path.of("/proc/meminfo")), "MemTotal") / (1 << 20);
    } catch (IOException e) {
      return 0;
    }
  }
}
