package io.kairan.deploy.load;

import io.kairan.deploy.cli.Tool;
import io.kairan.deploy.demo.Town;
import io.kairan.model.json.Json;
import io.kairan.model.resident.ResidentProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * deploy/load.sh: residents and a notice stream on the session cluster, per shape at each
 * parallelism, each run on a fresh cluster and never two clusters at once; one table per run, the
 * scaling factor per shape, and everything as JSON.
 */
@Command(
    name = "deploy/load.sh",
    description =
        "Load on the cluster: N residents in one municipality and over 125, a notice stream"
            + " through the API, at each parallelism on a fresh cluster.",
    sortOptions = false)
public final class ClusterLoad implements Callable<Integer> {
  @Option(
      names = "--residents",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "synthetic residents per run (default: ${DEFAULT-VALUE})")
  long residents;

  @Option(
      names = "--notice-rate",
      paramLabel = "PER_SECOND",
      defaultValue = "10",
      description = "notices posted through the API per second (default: ${DEFAULT-VALUE})")
  double noticeRate;

  @Option(
      names = "--notices",
      paramLabel = "N",
      defaultValue = "600",
      description = "notices per run (default: ${DEFAULT-VALUE})")
  long notices;

  @Option(
      names = "--shape",
      paramLabel = "one|many|both",
      defaultValue = "both",
      description =
          "one municipality with every resident, 125 side by side with a 125th each, or both"
              + " (default: ${DEFAULT-VALUE})")
  String shape;

  @Option(
      names = "--parallelism",
      paramLabel = "LIST",
      defaultValue = "1,2",
      description = "the job's parallelism per run, in turn (default: ${DEFAULT-VALUE})")
  String parallelism;

  @Option(
      names = "--checkpoint-interval-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description = "the job's checkpoint interval (default: ${DEFAULT-VALUE})")
  long checkpointMs;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      defaultValue = "deploy/target/load/load.json",
      description = "where the figures go (default: ${DEFAULT-VALUE})")
  Path json;

  @Mixin Tool.Help help;

  public static void main(String[] args) {
    Tool.main(new ClusterLoad(), args);
  }

  LoadPlan plan() {
    return LoadPlan.of(residents, noticeRate, notices, shape, parallelism, checkpointMs);
  }

  @Override
  public Integer call() throws Exception {
    LoadPlan plan = plan();
    Path root = Path.of("").toAbsolutePath();
    List<Town> towns =
        Town.load(
            Path.of(System.getProperty("kairan.samples", "samples"))
                .resolve("city/aizuwakamatsu_towns.csv"));
    List<LoadRun.Result> results = new ArrayList<>();
    List<Map<String, Object>> failures = new ArrayList<>();
    Files.createDirectories(json.toAbsolutePath().getParent());
    // Ctrl-C or a kill stops the cluster under way too, not only this launcher.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  var stack = LoadRun.current;
                  if (stack != null) {
                    stack.close();
                  }
                }));
    for (LoadShape s : plan.shapes()) {
      List<ResidentProfile> profiles = s.residents(towns, plan.residents(), Instant.now());
      for (int p : plan.parallelisms()) {
        OneClusterAtATime.await();
        System.out.printf(
            "%n[load] shape %s (%d municipalities), %,d residents, parallelism %d%n",
            s.label(), s.municipalities(), plan.residents(), p);
        try {
          LoadRun.Result result = LoadRun.run(root, plan, s, p, profiles);
          results.add(result);
          LoadReport.print(plan, result);
        } catch (Exception e) {
          // A run that does not fit (a TaskManager out of memory) is a finding: said, kept, and
          // the next run goes on.
          String reason = e.getMessage() == null ? e.toString() : e.getMessage();
          System.out.printf(
              "%n[load] shape %s at parallelism %d failed: %s%n", s.label(), p, reason);
          failures.add(Map.of("shape", s.label(), "parallelism", p, "reason", reason));
        }
        write(plan, results, failures); // after every run: a later failure keeps what was measured
      }
    }
    LoadReport.printScaling(results);
    System.out.println("[load] figures written to " + json);
    return failures.isEmpty() ? Tool.DONE : Tool.FAILED;
  }

  private void write(
      LoadPlan plan, List<LoadRun.Result> results, List<Map<String, Object>> failures)
      throws IOException {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("machine", LoadReport.machine());
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("residents", plan.residents());
    options.put("noticeRatePerSecond", plan.noticeRate());
    options.put("notices", plan.notices());
    options.put("shapes", plan.shapes().stream().map(LoadShape::label).toList());
    options.put("parallelisms", plan.parallelisms());
    options.put("checkpointIntervalMs", plan.checkpointMs());
    options.put("publishersOfTheOneCity", plan.publishers());
    figures.put("options", options);
    figures.put("runs", results.stream().map(r -> r.json(plan)).toList());
    figures.put("failedRuns", failures);
    figures.put("scaling", LoadReport.scaling(results));
    Files.writeString(
        json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
  }
}
