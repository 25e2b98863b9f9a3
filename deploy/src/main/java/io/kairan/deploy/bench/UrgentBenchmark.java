package io.kairan.deploy.bench;

import io.kairan.deploy.cli.Tool;
import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.deploy.demo.Town;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.model.resident.ResidentProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Urgent notices alone: N synthetic residents in the running stack's job, then urgent district
 * notices posted through the API one every 500 ms, each explained (checkpoints, collections,
 * queueing). Usage: deploy/bench-urgent.sh [--residents 1000000] [--urgent 200]
 * [--checkpoint-interval-ms 10000] [--json FILE].
 */
@Command(
    name = "deploy/bench-urgent.sh",
    description = "API accept -> deliveries on Kafka of urgent notices, explained per notice.",
    sortOptions = false)
public final class UrgentBenchmark implements Callable<Integer> {
  enum StateBackend {
    hashmap,
    changelog,
    rocksdb
  }

  @Option(
      names = "--residents",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "synthetic residents (default: ${DEFAULT-VALUE})")
  int residents;

  @Option(
      names = "--urgent",
      paramLabel = "N",
      defaultValue = "200",
      description = "urgent notices posted through the API (default: ${DEFAULT-VALUE})")
  int urgentNotices;

  @Option(
      names = "--checkpoint-interval-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description = "the job's checkpoint interval on the stack (default: ${DEFAULT-VALUE})")
  int checkpointMs;

  @Option(
      names = "--state-backend",
      paramLabel = "NAME",
      defaultValue = "changelog",
      description =
          "the job's state backend: hashmap (full snapshots), changelog (heap, incremental) or"
              + " rocksdb (disk, incremental) (default:"
              + " ${DEFAULT-VALUE})")
  StateBackend stateBackend;

  @Option(
      names = "--job-heap",
      paramLabel = "SIZE",
      defaultValue = "6g",
      description =
          "heap of the job's own JVM, as on a cluster; 'shared' runs it in the benchmark's JVM"
              + " beside the API and push (default: ${DEFAULT-VALUE})")
  String jobHeap;

  @Mixin SamplesOption samplesOption;

  @Mixin BenchOptions options;

  @Mixin Tool.Help help;

  public static void main(String[] args) {
    Tool.main(new UrgentBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    Tool.positive("--residents", residents);
    Tool.positive("--urgent", urgentNotices);
    Tool.positive("--checkpoint-interval-ms", checkpointMs);
    if (!jobHeap.matches("shared|[1-9][0-9]*[mg]")) {
      throw new Tool.UsageException(
          "--job-heap takes a size like 6g or 4096m, or 'shared', not " + jobHeap);
    }
    Path samples = samplesOption.dir();
    List<Town> towns = samplesOption.towns();
    List<ResidentProfile> profiles =
        SyntheticResidents.generate(towns, residents, 72028, Instant.now());
    UrgentLatency.Result urgent;
    OptionalLong liveHeap;
    try (LocalStack stack =
        LocalStack.start(
            StackOptions.freePorts(samples, 0)
                .checkpointingEvery(checkpointMs)
                .withStateBackend(stateBackend.name())
                .withJobJvm(jobHeap.equals("shared") ? "" : jobHeap))) {
      UrgentLatency.load(stack, profiles);
      System.out.printf("[bench] %,d profiles loaded into the running job%n", residents);
      List<String> districts = towns.stream().map(Town::district).distinct().toList();
      urgent = UrgentLatency.measure(stack, districts, urgentNotices);
      liveHeap = heapAfterFullGc(stack);
    }
    System.out.printf(
        "%nUrgent notices on %,d residents, checkpoint every %d ms, state backend %s%n",
        residents, checkpointMs, stateBackend);
    print(urgent);
    var scorecard = new ArrayList<>(urgent.figures(residents));
    scorecard.add(
        Figure.measured(
            "job state per resident: match (profiles, live notices)",
            (double) urgent.stateOf("match") / residents,
            "B"));
    scorecard.add(
        Figure.measured(
            "job state per resident: decide (after " + urgentNotices + " notices)",
            (double) urgent.stateOf("decide") / residents,
            "B"));
    liveHeap.ifPresent(
        bytes ->
            scorecard.add(
                Figure.measured(
                    String.format(
                        "job JVM heap after a full GC (%,d residents, %d notices)",
                        residents, urgentNotices),
                    bytes / (double) (1 << 20),
                    "MiB")));
    Figure.printTable("Urgent notices against their targets", scorecard);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("scorecard", Figure.json(scorecard));
    figures.put("residents", residents);
    figures.put("checkpointIntervalMs", checkpointMs);
    figures.put("stateBackend", stateBackend.name());
    figures.put("jobHeap", jobHeap);
    figures.put("urgent", urgent.json());
    options.writeJson(figures);
    return Tool.DONE;
  }

  /** A figure more, never a reason to lose the run's others: a failure is said and skipped. */
  private static OptionalLong heapAfterFullGc(LocalStack stack) {
    try {
      return stack.jobHeapAfterFullGc();
    } catch (Exception e) {
      System.err.println("[bench] the job's heap after a full collection is unknown: " + e);
      return OptionalLong.empty();
    }
  }

  static void print(UrgentLatency.Result urgent) {
    System.out.printf(
        "  urgent notice, API accept -> Kafka (%d notices, %,d deliveries): first p50 %d ms p99 %d"
            + " ms (target %d); last p50 %d ms p99 %d ms (target %d)%n",
        urgent.notices(),
        urgent.deliveries(),
        urgent.first().p50(),
        urgent.first().p99(),
        UrgentTail.FIRST_TARGET_MS,
        urgent.last().p50(),
        urgent.last().p99(),
        UrgentTail.LAST_TARGET_MS);
    UrgentTail.print(urgent.explained(), 10);
    System.out.println("  by checkpoint: " + UrgentTail.byCheckpoint(urgent.explained()));
    urgent
        .stateBytes()
        .forEach((operator, bytes) -> System.out.printf("  state of %s: %,d B%n", operator, bytes));
  }
}
