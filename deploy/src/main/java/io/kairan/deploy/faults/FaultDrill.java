package io.kairan.deploy.faults;

import io.kairan.deploy.cluster.ClusterOptions;
import io.kairan.deploy.cluster.ClusterStack;
import io.kairan.model.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * deploy/faults.sh: the same stream of notices and profile changes twice on a fresh cluster stack,
 * first without faults, then with the five faults of issue #15 while it runs; prints each fault's
 * recovery time and the counts (nothing lost, nothing misdirected, pushes sent twice, feeds
 * complete, differences from the run without faults), writes them as JSON, and exits 1 when a count
 * is not as it must be.
 */
public final class FaultDrill {
  private FaultDrill() {}

  public static void main(String[] args) throws Exception {
    DrillOptions options;
    try {
      options = DrillOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(
          (e.getMessage().isEmpty() ? "" : e.getMessage() + "\n") + DrillOptions.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    DrillWorkload workload =
        new DrillWorkload(options.residents(), DrillWorkload.DISTRICTS, options.notices());
    ClusterOptions cluster =
        ClusterOptions.fromBuild(Path.of("").toAbsolutePath(), options.parallelism());
    System.out.printf(
        "[drill] %d residents in %d towns; %d notices at %.2f/s (half emergencies); %.1f profile"
            + " changes/s; outages %d s%n",
        options.residents(),
        DrillWorkload.DISTRICTS.size(),
        options.notices(),
        options.noticesPerSecond(),
        options.profileChangesPerSecond(),
        options.outage().toSeconds());

    DrillRun.Outcome baseline = null;
    if (options.baseline()) {
      System.out.println("[drill] run 1 of 2: without faults");
      baseline = run(cluster, workload, options, List.of());
    }
    System.out.println(
        "[drill] " + (baseline == null ? "the run" : "run 2 of 2") + ": with faults");
    List<Fault> faults = Arrays.asList(Fault.values());
    DrillRun.Outcome faulty = run(cluster, workload, options, faults);

    DrillCounts counts = DrillCounts.of(workload, faulty);
    Map<String, Long> differences =
        baseline == null ? Map.of() : DrillCounts.differences(workload, baseline, faulty);
    boolean passed = counts.passed(1) && differences.values().stream().allMatch(d -> d == 0);
    print(
        faulty,
        counts,
        baseline == null ? null : DrillCounts.of(workload, baseline),
        differences,
        passed);

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("options", options);
    json.put("faults", faulty.faults());
    json.put("counts", counts);
    if (baseline != null) {
      json.put("baselineCounts", DrillCounts.of(workload, baseline));
      json.put("differencesFromBaseline", differences);
    }
    json.put("streamSeconds", faulty.streamSeconds());
    json.put("profileChanges", faulty.profileChanges());
    json.put("retriedCalls", faulty.retries());
    json.put("passed", passed);
    Path out = Path.of(options.json());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, Json.write(json));
    System.out.println("[drill] written to " + out);
    System.exit(passed ? 0 : 1);
  }

  private static DrillRun.Outcome run(
      ClusterOptions cluster, DrillWorkload workload, DrillOptions options, List<Fault> faults)
      throws Exception {
    ClusterStack stack = ClusterStack.start(cluster);
    // Ctrl-C must not leave nine servers behind: the stack's processes are not this JVM's to end.
    Thread stopOnExit = new Thread(stack::close);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      return new DrillRun(stack, workload, options).run(faults);
    } finally {
      stack.close();
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
  }

  private static void print(
      DrillRun.Outcome faulty,
      DrillCounts counts,
      DrillCounts baseline,
      Map<String, Long> differences,
      boolean passed) {
    System.out.println();
    System.out.println(
        "fault                at (s)  recovered in (s)  first notice after  what was hit");
    for (DrillRun.FaultReport f : faulty.faults()) {
      System.out.printf(
          "%-20s %6.1f  %16s  %18s  %s%n",
          f.fault(),
          f.atSeconds(),
          f.recoverySeconds() == null
              ? "NOT RECOVERED"
              : String.format("%.1f", f.recoverySeconds()),
          f.firstNotice(),
          f.hit());
    }
    System.out.println();
    System.out.printf("%-44s %12s %12s%n", "count", "with faults", "without");
    row(
        "notices planned / accepted",
        counts.noticesPlanned() + " / " + counts.noticesAccepted(),
        baseline == null ? "" : baseline.noticesPlanned() + " / " + baseline.noticesAccepted());
    row(
        "notices lost (accepted, not on notices.v1)",
        counts.noticesLost(),
        baseline == null ? null : baseline.noticesLost());
    row(
        "deliveries expected",
        counts.deliveriesExpected(),
        baseline == null ? null : baseline.deliveriesExpected());
    row(
        "deliveries lost",
        counts.deliveriesLost(),
        baseline == null ? null : baseline.deliveriesLost());
    row(
        "deliveries to someone not in the audience",
        counts.deliveriesMisdirected(),
        baseline == null ? null : baseline.deliveriesMisdirected());
    row(
        "delivery records on deliveries.v1",
        counts.deliveryRecords(),
        baseline == null ? null : baseline.deliveryRecords());
    row(
        "pushes expected (emergencies x residents)",
        counts.pushesExpected(),
        baseline == null ? null : baseline.pushesExpected());
    row(
        "pushes missing",
        counts.pushesMissing(),
        baseline == null ? null : baseline.pushesMissing());
    row(
        "devices pushed the same notice twice",
        counts.devicesPushedTwice(),
        baseline == null ? null : baseline.devicesPushedTwice());
    row(
        "extra sends (allowed: one chunk, 500)",
        counts.extraSends(),
        baseline == null ? null : baseline.extraSends());
    row(
        "emergencies without a district-topic message",
        counts.emergenciesWithoutTopicMessage(),
        baseline == null ? null : baseline.emergenciesWithoutTopicMessage());
    row(
        "feeds complete",
        counts.feedsComplete() + " / " + counts.feedsChecked(),
        baseline == null ? "" : baseline.feedsComplete() + " / " + baseline.feedsChecked());
    row(
        "feed items missing",
        counts.feedItemsMissing(),
        baseline == null ? null : baseline.feedItemsMissing());
    row(
        "feed items of someone else's notice",
        counts.feedItemsForeign(),
        baseline == null ? null : baseline.feedItemsForeign());
    if (!differences.isEmpty()) {
      System.out.println("differences from the run without faults:");
      differences.forEach((what, n) -> row("  " + what, n, null));
    }
    System.out.printf(
        "%nprofile changes %d, calls tried again while a fault lasted %d, stream %.0f s%n",
        faulty.profileChanges(), faulty.retries(), faulty.streamSeconds());
    System.out.println(passed ? "[drill] PASSED" : "[drill] FAILED");
  }

  private static void row(String what, Object faulty, Object baseline) {
    System.out.printf("%-44s %12s %12s%n", what, faulty, baseline == null ? "" : baseline);
  }
}
