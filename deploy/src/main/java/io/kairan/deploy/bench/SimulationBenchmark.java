package io.kairan.deploy.bench;

import io.kairan.api.reach.ResidentIndex;
import io.kairan.api.simulation.Simulation;
import io.kairan.api.simulation.SimulationFigures;
import io.kairan.deploy.cli.Tool;
import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The analysts' simulation as the API runs it (the job's index, matching once per group of
 * residents alike), a candidate rule set beside the built-in one over the notices of N days against
 * synthetic residents of the city, timed; the baseline of the same run is the plain scan, every
 * resident matched and decided alone, which must give the same figures. Usage:
 * deploy/bench-simulation.sh [--residents 100000] [--days 30] [--notices-per-day 20] [--json FILE].
 */
@Command(
    name = "deploy/bench-simulation.sh",
    description = "A rule set simulated over N days of notices: index against the plain scan.",
    sortOptions = false)
public final class SimulationBenchmark implements Callable<Integer> {
  // A fixed end, so the residents' ages and the notices are the same every run.
  private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Option(
      names = "--residents",
      paramLabel = "N",
      defaultValue = "100000",
      description = "synthetic residents (default: ${DEFAULT-VALUE})")
  int residents;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "30",
      description = "days of notices simulated (default: ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--notices-per-day",
      paramLabel = "N",
      defaultValue = "20",
      description = "notices published per day (default: ${DEFAULT-VALUE})")
  int noticesPerDay;

  @Mixin SamplesOption samplesOption;

  @Mixin BenchOptions options;

  @Mixin Tool.Help help;

  public static void main(String[] args) {
    Tool.main(new SimulationBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    Tool.positive("--residents", residents);
    Tool.positive("--days", days);
    Tool.positive("--notices-per-day", noticesPerDay);
    Instant from = TO.minus(Duration.ofDays(days));
    ResidentIndex index = new ResidentIndex();
    SyntheticResidents.generate(samplesOption.towns(), residents, 72028, TO).forEach(index::put);
    ResidentIndex.Snapshot held = index.snapshot();
    List<Notice> versions = notices(from, days, noticesPerDay);
    Simulation.Input input =
        new Simulation.Input(
            held.profiles(),
            held.groups(),
            versions,
            RuleSet.BUILTIN,
            candidate(),
            from,
            TO,
            TOKYO);
    System.out.printf(
        "[bench] %,d residents, %,d notice versions over %d days; warming up%n",
        residents, versions.size(), days);
    Simulation.run(
        new Simulation.Input(
            held.profiles(),
            held.groups(),
            versions,
            RuleSet.BUILTIN,
            candidate(),
            TO.minus(Duration.ofDays(2)),
            TO,
            TOKYO),
        Simulation.Method.INDEX,
        done -> {});
    // Wall time is what an analyst waits; CPU time of the one thread a simulation runs on is what
    // it costs, and what a shared, loaded machine changes least.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    SimulationFigures indexed = Simulation.run(input, Simulation.Method.INDEX, done -> {});
    double indexSeconds = (System.nanoTime() - start) / 1e9;
    double indexCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf(
        "[bench] index: %.1f s (%.1f s CPU); now the plain scan%n", indexSeconds, indexCpu);
    start = System.nanoTime();
    cpu = threads.getCurrentThreadCpuTime();
    SimulationFigures scanned = Simulation.run(input, Simulation.Method.PLAIN_SCAN, done -> {});
    double scanSeconds = (System.nanoTime() - start) / 1e9;
    double scanCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    if (!indexed.equals(scanned)) {
      throw new IllegalStateException("the indexed simulation disagrees with the plain scan");
    }
    long decided = indexed.active().deliveries() == null ? 0 : indexed.active().deliveries();
    List<Figure> scorecard =
        List.of(
            Figure.measured(
                String.format("simulation, %d days, %,d residents (index)", days, residents),
                indexSeconds,
                "s"),
            Figure.measured("  its CPU time (one thread)", indexCpu, "s"),
            Figure.measured("  same simulation, plain scan (baseline)", scanSeconds, "s"),
            Figure.measured("  its CPU time (one thread)", scanCpu, "s"),
            Figure.measured("  plain scan / index, CPU time", scanCpu / indexCpu, "x"),
            Figure.measured(
                "  decisions per CPU second (index, both sets)", 2 * decided / indexCpu, "1/s"));
    Figure.printTable(
        String.format(
            "Simulation of %,d notice versions (%,d deliveries per rule set) on %,d residents",
            indexed.versions(), decided, residents),
        scorecard);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("residents", residents);
    json.put("days", days);
    json.put("versions", indexed.versions());
    json.put("deliveriesPerRuleSet", decided);
    json.put("figures", indexed);
    json.put("scorecard", Figure.json(scorecard));
    options.writeJson(json);
    return 0;
  }

  /** Fewer pushes: a daily cap of 2, events to the digest, a push threshold. */
  private static RuleSet candidate() {
    RuleSet b = RuleSet.BUILTIN;
    return new RuleSet(
        "fewer-pushes",
        1,
        RuleSlot.SHADOW,
        b.weights(),
        Map.of(Category.SHOPPING, 0.2),
        Set.of(Category.EVENTS),
        0.45,
        2,
        1,
        b.defaultQuietHours(),
        b.digestTime(),
        TO);
  }

  /**
   * A city's month: the audience shapes of {@link BenchNotices} in turn, mostly information, a
   * third important, a few emergencies; a fifth from firms; published between 07:00 and 21:00 in
   * Tokyo; one in ten changed or updated later, one in fifty withdrawn.
   */
  static List<Notice> notices(Instant from, int days, int perDay) {
    Random random = new Random(2026);
    List<Category> civic =
        List.of(
            Category.HEALTH,
            Category.CHILDCARE,
            Category.GARBAGE,
            Category.TAX,
            Category.DISASTER,
            Category.EVENTS,
            Category.WELFARE,
            Category.TRANSPORT);
    List<Notice> versions = new ArrayList<>();
    int n = 0;
    for (int day = 0; day < days; day++) {
      for (int k = 0; k < perDay; k++, n++) {
        boolean firm = random.nextInt(5) == 0;
        Category category =
            firm
                ? (random.nextBoolean() ? Category.SHOPPING : Category.EVENTS)
                : civic.get(random.nextInt(civic.size()));
        double roll = random.nextDouble();
        Severity severity =
            roll < 0.6
                ? Severity.INFO
                : roll < 0.95 || firm ? Severity.IMPORTANT : Severity.EMERGENCY;
        // 07:00 to 21:00 in Tokyo is 22:00 to 12:00 UTC.
        Instant at =
            from.plus(Duration.ofDays(day))
                .minus(Duration.ofHours(2))
                .plusSeconds(random.nextInt(14 * 3600));
        Publisher publisher =
            firm
                ? new Publisher("aizu-shoten", "会津商店", PublisherKind.FIRM)
                : new Publisher("aizuwakamatsu-city", "会津若松市", PublisherKind.DEPARTMENT);
        Notice first =
            new Notice(
                "sim-" + n,
                1,
                publisher,
                "072028",
                category,
                Map.of("ja", "お知らせ " + n),
                Map.of(),
                null,
                null,
                new Validity(at, at.plus(Duration.ofDays(3 + random.nextInt(12)))),
                severity,
                NoticeStatus.PUBLISHED,
                BenchNotices.SHAPES.get(n % BenchNotices.SHAPES.size()).audience(),
                at);
        versions.add(first);
        int later = random.nextInt(50);
        if (later < 5) {
          versions.add(
              version(
                  first,
                  later < 2 ? NoticeStatus.CHANGED : NoticeStatus.UPDATED,
                  at.plusSeconds(3600 + random.nextInt(6 * 3600))));
        } else if (later == 5) {
          versions.add(version(first, NoticeStatus.WITHDRAWN, at.plusSeconds(1800)));
        }
      }
    }
    return versions;
  }

  private static Notice version(Notice first, NoticeStatus status, Instant at) {
    return new Notice(
        first.id(),
        2,
        first.publisher(),
        first.municipalityCode(),
        first.category(),
        first.title(),
        first.body(),
        first.url(),
        first.location(),
        first.validity(),
        first.severity(),
        status,
        first.audience(),
        at);
  }
}
