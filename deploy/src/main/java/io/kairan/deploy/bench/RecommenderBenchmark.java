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
 * [--rounds 50] [--urgent 30] [--checkpoint-interval-ms 10000] [--json FILE] [--samples DIR].
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
      names = "--samples",
      paramLabel = "DIR",
      description = "the project's samples folder (default: -Dkairan.samples, else ./samples)")
  Path samplesDir;

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
    Path samples =
        samplesDir != null ? samplesDir : Path.of(System.getProperty("kairan.samples", "samples"));
    Instant now = Instant.now();
    List<Town> towns = Town.load(samples.resolve("city/aizuwakamatsu_towns.csv"));
    List<ResidentProfile> profiles = SyntheticResidents.generate(towns, residents, 72028, now);
    List<Notice> notices = BenchNotices.all(now);
    step("%,d residents, %d notice shapes", residents, notices.size());

    AudienceTimings.Result audience = AudienceTimings.measure(profiles, notices, now, rounds);
    step("index and scan timed");
    double profileBytes = serializedBytesPerProfile(profiles);

    FlinkThroughput.Result flink = FlinkThroughput.measure(profiles, notices, now, 2);
    step("job throughput measured");

    Percentiles elastic;
    UrgentLatency.Result urgent;
    try (LocalStack stack =
        LocalStack.start(StackOptions.freePorts(samples, 0).checkpointingEvery(checkpointMs))) {
      try (var es = new ElasticsearchAudiences(stack.elasticsearchUrl())) {
        es.load(profiles);
        step("profiles indexed in Elasticsearch");
        for (int i = 0; i < notices.size(); i++) {
          int found = es.count(notices.get(i), now);
          if (found != audience.reach()[i]) {
            throw new IllegalStateException(
                "Elasticsearch finds "
                    + found
                    + " for notice "
                    + i
                    + ", the index "
                    + audience.reach()[i]);
          }
        }
        elastic = AudienceTimings.time(notices, Math.max(1, rounds / 4), n -> es.count(n, now));
      }
      UrgentLatency.load(stack, profiles);
      step("profiles loaded into the running job");
      List<String> districts = towns.stream().map(Town::district).distinct().toList();
      urgent = UrgentLatency.measure(stack, districts, urgentNotices);
    }

    double bitmapBytes = audience.bitmapBytesPerResident();
    System.out.printf("%nKairan recommender on %,d residents%n", residents);
    System.out.printf(
        "  audience evaluation per notice    %10s %10s %12s%n", "p50 ms", "p99 ms", "p99 vs index");
    row("bitmap index, reach", audience.indexReach(), audience.indexReach());
    row("bitmap index, eligible profiles", audience.indexEligible(), audience.indexReach());
    row("plain scan (baseline)", audience.scan(), audience.indexReach());
    row("Elasticsearch count (baseline)", elastic, audience.indexReach());
    System.out.printf(
        "  job on MiniCluster: %,d deliveries in %.1f s = %,.0f deliveries/s%n",
        flink.deliveries(), flink.seconds(), flink.perSecond());
    System.out.printf(
        "  urgent notice, API accept -> Kafka (%d notices, %,d deliveries): first p50 %.0f ms p99 %.0f ms;"
            + " last p50 %.0f ms p99 %.0f ms%n",
        urgent.notices(),
        urgent.deliveries(),
        urgent.first().p50Ms(),
        urgent.first().p99Ms(),
        urgent.all().p50Ms(),
        urgent.all().p99Ms());
    System.out.printf(
        "  matcher state per resident: %.1f B bitmaps + %.1f B profile (Flink serialized) = %.1f B%n",
        bitmapBytes, profileBytes, bitmapBytes + profileBytes);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("residents", residents);
    figures.put("checkpointIntervalMs", checkpointMs);
    figures.put("indexReach", audience.indexReach().json());
    figures.put("indexEligible", audience.indexEligible().json());
    figures.put("scan", audience.scan().json());
    figures.put("elasticsearch", elastic.json());
    figures.put("scanOverIndexP99", audience.scan().p99Ms() / audience.indexReach().p99Ms());
    figures.put("elasticsearchOverIndexP99", elastic.p99Ms() / audience.indexReach().p99Ms());
    figures.put(
        "flink",
        Map.of(
            "deliveries",
            flink.deliveries(),
            "seconds",
            flink.seconds(),
            "perSecond",
            flink.perSecond()));
    figures.put(
        "urgent",
        Map.of(
            "notices",
            urgent.notices(),
            "first",
            urgent.first().json(),
            "all",
            urgent.all().json()));
    figures.put(
        "stateBytesPerResident",
        Map.of(
            "bitmaps", bitmapBytes, "profile", profileBytes, "total", bitmapBytes + profileBytes));
    options.writeJson(figures);
    return Tool.DONE;
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
