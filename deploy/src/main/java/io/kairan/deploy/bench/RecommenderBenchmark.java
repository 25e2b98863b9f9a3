package io.kairan.deploy.bench;

import io.kairan.deploy.cli.Tool;
import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.deploy.demo.Town;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.ProfileForMatching;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The recommender's figures in one run on N synthetic residents of the demo city: audience
 * evaluation per notice (bitmap index, plain scan, Elasticsearch query), deliveries per second
 * through the job on a MiniCluster, API-accept to Kafka latency of urgent notices on the running
 * stack, and matcher state per resident. Usage: deploy/bench-recommender.sh [--residents 1000000]
 * [--rounds 50] [--urgent 30] [--checkpoint-interval-ms 10000] [--reach-only] [--json FILE]
 * [--samples DIR].
 */
@Command(
    name = "deploy/bench-recommender.sh",
    description = "The recommender's figures on N synthetic residents of the demo city.",
    sortOptions = false)
public final class RecommenderBenchmark implements Callable<Integer> {
  @Option(
      names = "--residents",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "synthetic residents (default: ${DEFAULT-VALUE})")
  int residents;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      defaultValue = "50",
      description = "timed rounds per audience (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--urgent",
      paramLabel = "N",
      defaultValue = "30",
      description = "urgent notices posted through the API (default: ${DEFAULT-VALUE})")
  int urgentNotices;

  // The job's own default: a heap snapshot of a million profiles every 2 s (the tests' pace)
  // would compete with the urgent notices for the two cores.
  @Option(
      names = "--checkpoint-interval-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description = "the job's checkpoint interval on the stack (default: ${DEFAULT-VALUE})")
  int checkpointMs;

  @Option(
      names = "--reach-only",
      description =
          "only audience evaluation (index, plain scan, Elasticsearch alone): no job, no urgent notices")
  boolean reachOnly;

  @Option(
      names = "--throughput-runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "runs of the job's throughput per state backend (default: ${DEFAULT-VALUE})")
  int throughputRuns;

  @Mixin SamplesOption samplesOption;

  @Mixin BenchOptions options;

  @Mixin Tool.Help help;

  public static void main(String[] args) {
    Tool.main(new RecommenderBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    Tool.positive("--residents", residents);
    Tool.positive("--rounds", rounds);
    Tool.positive("--urgent", urgentNotices);
    Tool.positive("--checkpoint-interval-ms", checkpointMs);
    Tool.positive("--throughput-runs", throughputRuns);
    Path samples = samplesOption.dir();
    Instant now = Instant.now();
    List<Town> towns = samplesOption.towns();
    List<ResidentProfile> profiles = SyntheticResidents.generate(towns, residents, 72028, now);
    List<Notice> notices = BenchNotices.all(now);
    step("%,d residents, %d notice shapes", residents, notices.size());

    AudienceTimings.Result audience = AudienceTimings.measure(profiles, notices, now, rounds);
    step("index and scan timed");
    double profileBytes = serializedBytesPerProfile(profiles);

    AudienceTimings.Timed elastic;
    Map<String, List<FlinkThroughput.Result>> flink = new LinkedHashMap<>();
    UrgentLatency.Result urgent = null;
    if (reachOnly) {
      elastic = StandaloneElasticsearch.count(profiles, notices, now, audience.reach(), rounds);
    } else {
      // Both backends, turn about, so a disturbance of the machine falls on each alike.
      for (int run = 0; run < throughputRuns; run++) {
        for (String backend : List.of("hashmap", "rocksdb")) {
          flink
              .computeIfAbsent(backend, b -> new ArrayList<>())
              .add(FlinkThroughput.measure(profiles, notices, now, 2, backend));
        }
      }
      step("job throughput measured");
      try (LocalStack stack =
          LocalStack.start(StackOptions.freePorts(samples, 0).checkpointingEvery(checkpointMs))) {
        try (var es = new ElasticsearchAudiences(stack.elasticsearchUrl())) {
          elastic = es.loadAndTime(profiles, notices, now, audience.reach(), rounds);
        }
        UrgentLatency.load(stack, profiles);
        step("profiles loaded into the running job");
        List<String> districts = towns.stream().map(Town::district).distinct().toList();
        urgent = UrgentLatency.measure(stack, districts, urgentNotices);
      }
    }

    double bitmapBytes = audience.bitmapBytesPerResident();
    Percentiles reach = audience.indexReach().all();
    System.out.printf("%nKairan recommender on %,d residents%n", residents);
    System.out.printf(
        "  audience evaluation per notice    %10s %10s %12s%n", "p50 ms", "p99 ms", "p99 vs index");
    row("bitmap index, reach", reach, reach);
    row("bitmap index, eligible profiles", audience.indexEligible().all(), reach);
    row("plain scan (baseline)", audience.scan().all(), reach);
    row("Elasticsearch count (baseline)", elastic.all(), reach);
    System.out.printf(
        "  reach per audience shape          %10s %10s %10s %10s %12s%n",
        "p50 ms", "p99 ms", "ES p50", "ES p99", "ES/index p99");
    List<Map<String, Object>> byShape = new ArrayList<>();
    for (int i = 0; i < notices.size(); i++) {
      Percentiles index = audience.indexReach().byNotice().get(i);
      Percentiles es = elastic.byNotice().get(i);
      String shape = BenchNotices.SHAPES.get(i).name();
      System.out.printf(
          "  %-33s %10.3f %10.3f %10.3f %10.3f %11.0fx%n",
          shape, index.p50Ms(), index.p99Ms(), es.p50Ms(), es.p99Ms(), es.p99Ms() / index.p99Ms());
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("shape", shape);
      figure.put("residentsReached", audience.reach()[i]);
      figure.put("indexReach", index.json());
      figure.put("scan", audience.scan().byNotice().get(i).json());
      figure.put("elasticsearch", es.json());
      figure.put("elasticsearchOverIndexP99", es.p99Ms() / index.p99Ms());
      byShape.add(figure);
    }
    for (var runs : flink.entrySet()) {
      for (FlinkThroughput.Result r : runs.getValue()) {
        System.out.printf(
            "  job on MiniCluster, state in %s: %,d deliveries in %.1f s = %,.0f deliveries/s%n",
            runs.getKey(), r.deliveries(), r.seconds(), r.perSecond());
      }
    }
    if (urgent != null) {
      UrgentBenchmark.print(urgent);
    }
    System.out.printf(
        "  matcher state per resident: %.1f B bitmaps + %.1f B profile (Flink serialized) = %.1f B%n",
        bitmapBytes, profileBytes, bitmapBytes + profileBytes);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("residents", residents);
    figures.put("checkpointIntervalMs", checkpointMs);
    figures.put("indexReach", reach.json());
    figures.put("indexEligible", audience.indexEligible().all().json());
    figures.put("scan", audience.scan().all().json());
    figures.put("elasticsearch", elastic.all().json());
    figures.put("scanOverIndexP99", audience.scan().all().p99Ms() / reach.p99Ms());
    figures.put("elasticsearchOverIndexP99", elastic.all().p99Ms() / reach.p99Ms());
    figures.put("byShape", byShape);
    flink.forEach((backend, runs) -> figures.put("flink-" + backend, runs));
    if (urgent != null) {
      figures.put("urgent", urgent.json());
    }
    figures.put(
        "stateBytesPerResident",
        Map.of(
            "bitmaps", bitmapBytes, "profile", profileBytes, "total", bitmapBytes + profileBytes));
    List<Figure> scorecard =
        scorecard(reach, audience, elastic, flink, urgent, bitmapBytes + profileBytes);
    Figure.printTable("Recommender figures against their targets", scorecard);
    figures.put("scorecard", Figure.json(scorecard));
    options.writeJson(figures);
    return Tool.DONE;
  }

  private List<Figure> scorecard(
      Percentiles reach,
      AudienceTimings.Result audience,
      AudienceTimings.Timed elastic,
      Map<String, List<FlinkThroughput.Result>> flink,
      UrgentLatency.Result urgent,
      double stateBytes) {
    String at = String.format(" (%,d residents)", residents);
    var figures = new ArrayList<Figure>();
    figures.add(Figure.atMost("reach: bitmap index p99, all shapes" + at, reach.p99Ms(), "ms", 2));
    figures.add(
        Figure.atLeast(
            "reach: Elasticsearch count p99 / index p99",
            elastic.all().p99Ms() / reach.p99Ms(),
            "x",
            15));
    figures.add(
        Figure.atLeast(
            "reach: plain scan p99 / index p99",
            audience.scan().all().p99Ms() / reach.p99Ms(),
            "x",
            100));
    figures.addAll(ThroughputBenchmark.figures(flink));
    if (urgent != null) {
      figures.addAll(urgent.figures(residents));
    }
    figures.add(
        Figure.atMost("match state per resident (bitmaps + profile)", stateBytes, "B", 300));
    return figures;
  }

  private static void row(String name, Percentiles p, Percentiles index) {
    System.out.printf(
        "  %-33s %10.3f %10.3f %11.0fx%n", name, p.p50Ms(), p.p99Ms(), p.p99Ms() / index.p99Ms());
  }

  private static void step(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }

  /** What a profile costs in the match stage's state, in the form kept there (sampled). */
  private static double serializedBytesPerProfile(List<ResidentProfile> profiles) throws Exception {
    TypeSerializer<ResidentProfile> serializer =
        TypeInformation.of(ResidentProfile.class).createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(1024);
    int sample = Math.min(profiles.size(), 10_000);
    long bytes = 0;
    for (int i = 0; i < sample; i++) {
      out.clear();
      serializer.serialize(ProfileForMatching.of(profiles.get(i)), out);
      bytes += out.length() + profiles.get(i).id().length() + 1; // plus the map key
    }
    return (double) bytes / sample;
  }
}
