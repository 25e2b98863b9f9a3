package io.kairan.deploy.bench;

import io.kairan.deploy.cli.Tool;
import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.deploy.demo.Town;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Deliveries decided per second by the job graph on a local MiniCluster, alone (no stack), for each
 * state backend in turn, so a profiler sees the job and nothing else. Usage:
 * deploy/bench-throughput.sh [--residents 1000000] [--runs 3] [--json FILE].
 */
@Command(
    name = "deploy/bench-throughput.sh",
    description = "Deliveries per second out of the job graph on a MiniCluster, per state backend.",
    sortOptions = false)
public final class ThroughputBenchmark implements Callable<Integer> {
  @Option(
      names = "--residents",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "synthetic residents (default: ${DEFAULT-VALUE})")
  int residents;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "runs per state backend, taken in turn (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--state-backends",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "hashmap,changelog",
      description = "state backends to run, in turn (default: ${DEFAULT-VALUE})")
  List<UrgentBenchmark.StateBackend> backends;

  @Mixin SamplesOption samplesOption;

  @Mixin BenchOptions options;

  @Mixin Tool.Help help;

  public static void main(String[] args) {
    Tool.main(new ThroughputBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    Tool.positive("--residents", residents);
    Tool.positive("--runs", runs);
    Instant now = Instant.now();
    List<Town> towns = samplesOption.towns();
    List<ResidentProfile> profiles = SyntheticResidents.generate(towns, residents, 72028, now);
    List<Notice> notices = BenchNotices.all(now);
    Map<String, List<FlinkThroughput.Result>> results = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (var backend : backends) {
        FlinkThroughput.Result r =
            FlinkThroughput.measure(profiles, notices, now, 2, backend.name());
        System.out.printf(
            "[bench] state in %s: %,d deliveries in %.1f s = %,.0f deliveries/s%n",
            backend, r.deliveries(), r.seconds(), r.perSecond());
        results.computeIfAbsent(backend.name(), b -> new ArrayList<>()).add(r);
      }
    }
    List<Figure> scorecard = figures(results);
    Figure.printTable(
        String.format("Job throughput on %,d residents against its target", residents), scorecard);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("residents", residents);
    figures.put("runs", results);
    figures.put("scorecard", Figure.json(scorecard));
    options.writeJson(figures);
    return Tool.DONE;
  }

  /** Per backend the slowest of its runs against the target: "stable over three runs". */
  static List<Figure> figures(Map<String, List<FlinkThroughput.Result>> results) {
    var figures = new ArrayList<Figure>();
    results.forEach(
        (backend, runs) ->
            figures.add(
                Figure.atLeast(
                    "job: deliveries/s on a MiniCluster, state in "
                        + backend
                        + ", slowest of "
                        + runs.size(),
                    runs.stream().mapToDouble(FlinkThroughput.Result::perSecond).min().orElse(0),
                    "/s",
                    200_000)));
    return figures;
  }
}
