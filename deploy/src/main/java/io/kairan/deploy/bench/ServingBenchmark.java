package io.kairan.deploy.bench;

import io.kairan.deploy.cli.Tool;
import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.deploy.demo.Town;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The API's serving figures on the running stack, under an open-loop load of concurrent clients,
 * each beside a baseline of the same run: a feed's first page (the API vs the feed reader's two
 * queries sent to Elasticsearch directly), the reach preview (vs an Elasticsearch count of the same
 * audience over a profiles index) and posting a notice (vs producing the same record to
 * notices.v1). Usage: deploy/bench-serving.sh [--residents 100000] [--deliveries 1000000]
 * [--preview-residents 1000000] [--feed-rate 200] [--json FILE].
 */
@Command(
    name = "deploy/bench-serving.sh",
    description =
        "Feed, reach preview and notice posting on the running stack, each beside a baseline.",
    sortOptions = false)
public final class ServingBenchmark implements Callable<Integer> {
  static final double FEED_TARGET_MS = 50;
  static final double PREVIEW_TARGET_MS = 50;

  @Option(
      names = "--residents",
      paramLabel = "N",
      defaultValue = "100000",
      description =
          "residents whose deliveries are indexed for the feed (default: ${DEFAULT-VALUE})")
  int residents;

  @Option(
      names = "--deliveries",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "deliveries indexed over those residents (default: ${DEFAULT-VALUE})")
  long deliveries;

  @Option(
      names = "--notices",
      paramLabel = "N",
      defaultValue = "1000",
      description = "live notices the deliveries are of (default: ${DEFAULT-VALUE})")
  int notices;

  @Option(
      names = "--preview-residents",
      paramLabel = "N",
      defaultValue = "1000000",
      description =
          "residents on profiles.v1 the preview counts, at least --residents (default:"
              + " ${DEFAULT-VALUE})")
  int previewResidents;

  @Option(
      names = "--feed-rate",
      paramLabel = "PER_S",
      defaultValue = "200",
      description = "feed pages per second (default: ${DEFAULT-VALUE})")
  int feedRate;

  @Option(
      names = "--preview-rate",
      paramLabel = "PER_S",
      defaultValue = "10",
      description = "previews per second (default: ${DEFAULT-VALUE})")
  int previewRate;

  @Option(
      names = "--post-rate",
      paramLabel = "PER_S",
      defaultValue = "20",
      description = "notices posted per second (default: ${DEFAULT-VALUE})")
  int postRate;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "30",
      description =
          "measured seconds per workload and per baseline, after a warm-up (default:"
              + " ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--slices",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "a workload and its baseline take turns in N slices each (default: ${DEFAULT-VALUE})")
  int slices;

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "64",
      description = "concurrent clients (threads) sending the requests (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--checkpoint-interval-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description = "the job's checkpoint interval on the stack (default: ${DEFAULT-VALUE})")
  int checkpointMs;

  @Mixin SamplesOption samplesOption;

  @Mixin BenchOptions options;

  @Mixin Tool.Help help;

  /** What the issue asks for that this benchmark cannot measure yet, and why. */
  static final List<String> LEFT_OUT =
      List.of(
          "feed page deep in the cursor: GET /api/v1/me/feed has no cursor yet (one page of at most"
              + " 100 items)",
          "Japanese search: there is no search endpoint yet (issue #12)");

  public static void main(String[] args) {
    Tool.main(new ServingBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    Tool.positive("--residents", residents);
    Tool.positive("--deliveries", deliveries);
    Tool.positive("--notices", notices);
    Tool.positive("--preview-residents", previewResidents);
    Tool.positive("--feed-rate", feedRate);
    Tool.positive("--preview-rate", previewRate);
    Tool.positive("--post-rate", postRate);
    Tool.positive("--seconds", seconds);
    Tool.positive("--slices", slices);
    Tool.positive("--clients", clients);
    Tool.positive("--checkpoint-interval-ms", checkpointMs);
    if (previewResidents < residents) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this),
          "--preview-residents must be at least --residents: the feed's residents are among them");
    }
    Path samples = samplesOption.dir();
    Instant now = Instant.now();
    List<Town> towns = samplesOption.towns();
    List<ResidentProfile> profiles =
        SyntheticResidents.generate(towns, previewResidents, 72028, now);
    FeedCorpus corpus = new FeedCorpus(profiles.subList(0, residents), deliveries, notices, now);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("residents", residents);
    figures.put("deliveries", deliveries);
    figures.put("notices", notices);
    figures.put("previewResidents", previewResidents);
    figures.put("clients", clients);
    figures.put("loadAverageAtStart", loadAverage());
    Map<String, OpenLoop.Run> runs = new LinkedHashMap<>();
    Map<String, Map<String, Object>> disturbances = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (LocalStack stack =
            LocalStack.start(StackOptions.freePorts(samples, 0).checkpointingEvery(checkpointMs));
        FeedReadModel readModel = new FeedReadModel(stack.elasticsearchUrl());
        ElasticsearchAudiences audiences = new ElasticsearchAudiences(stack.elasticsearchUrl())) {
      // The job takes the profiles while Elasticsearch indexes the read model and the peer's
      // profiles: each has work for the two cores while the other waits.
      ExecutorService loader = Executors.newSingleThreadExecutor();
      Future<?> elastic;
      try {
        elastic = loader.submit(() -> loadElasticsearch(corpus, readModel, audiences, profiles));
        long t = System.nanoTime();
        UrgentLatency.load(stack, profiles);
        step(
            "%,d profiles on profiles.v1, all in the job's state (%.0f s)",
            profiles.size(), since(t));
        elastic.get();
      } finally {
        loader.shutdownNow();
      }

      try (ServingRequests requests =
          new ServingRequests(stack, corpus, readModel, audiences, now, 5_000)) {
        awaitPreviewOfEveryone(requests, profiles.size(), now);
        figures.put("feedChecked", checkFeeds(stack, corpus, requests));
        figures.put("previewVsElasticsearchCount", compareCounts(requests, audiences, now));

        figures.put("loadAverageBeforeLoad", loadAverage());
        try (var gc = GcPauses.follow();
            var checkpoints = CheckpointLog.follow(stack.flinkRestUrl())) {
          measure(pool, runs, requests);
          Thread.sleep(500); // the checkpoint log's last poll
          windows.forEach(
              (name, spans) ->
                  disturbances.put(name, Disturbances.during(spans, gc.all(), checkpoints.all())));
        }
        figures.put("loadAverageAfterLoad", loadAverage());
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, Object> byWorkload = new LinkedHashMap<>();
    runs.forEach(
        (name, run) -> {
          Map<String, Object> json = run.json();
          json.put("meanwhile", disturbances.get(name));
          byWorkload.put(name, json);
        });
    figures.put("rates", Map.of("feed", feedRate, "preview", previewRate, "post", postRate));
    figures.put("secondsPerWorkload", seconds);
    figures.put("workloads", byWorkload);
    figures.put("leftOut", LEFT_OUT);

    print(runs, disturbances, figures);
    List<Figure> scorecard = scorecard(runs);
    Figure.printTable("Serving figures against their targets", scorecard);
    LEFT_OUT.forEach(s -> System.out.println("  not measured: " + s));
    figures.put("scorecard", Figure.json(scorecard));
    options.writeJson(figures);
    return Tool.DONE;
  }

  /** Each workload beside its baseline, one pair after the other. */
  private void measure(
      ExecutorService pool, Map<String, OpenLoop.Run> runs, ServingRequests requests)
      throws InterruptedException {
    pair(
        pool,
        feedRate,
        runs,
        "feed via API",
        requests::feedThroughApi,
        "feed via Elasticsearch directly",
        requests::feedFromElasticsearch);
    pair(
        pool,
        previewRate,
        runs,
        "preview via API",
        requests::preview,
        "Elasticsearch count",
        requests::countInElasticsearch);
    pair(
        pool,
        postRate,
        runs,
        "POST notice via API",
        requests::postThroughApi,
        "Kafka produce to notices.v1",
        requests::produceToKafka);
  }

  // The wall-clock spans in which each workload was sent, to set collections and checkpoints
  // against.
  private final Map<String, List<Disturbances.Window>> windows = new LinkedHashMap<>();

  /**
   * A workload and its baseline at the same rate: a warm-up slice of each, then {@link #slices}
   * slices each, in alternating order, so a disturbance of the shared machine falls on both alike.
   */
  private void pair(
      ExecutorService pool,
      int rate,
      Map<String, OpenLoop.Run> runs,
      String name,
      OpenLoop.Request request,
      String baselineName,
      OpenLoop.Request baseline)
      throws InterruptedException {
    var run = runs.computeIfAbsent(name, n -> new OpenLoop.Run());
    var base = runs.computeIfAbsent(baselineName, n -> new OpenLoop.Run());
    var runWindows = windows.computeIfAbsent(name, n -> new ArrayList<>());
    var baseWindows = windows.computeIfAbsent(baselineName, n -> new ArrayList<>());
    double sliceSeconds = (double) seconds / slices;
    var slice = OpenLoop.Schedule.over(rate, sliceSeconds);
    var warmUp = OpenLoop.Schedule.over(rate, Math.min(5, sliceSeconds));
    int next = 0;
    OpenLoop.drive(warmUp, pool, request, next, null, 60);
    OpenLoop.drive(warmUp, pool, baseline, next, null, 60);
    next += warmUp.requests();
    for (int s = 0; s < slices; s++) {
      boolean baselineFirst = s % 2 == 1;
      for (boolean isBaseline :
          baselineFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
        long from = System.currentTimeMillis();
        OpenLoop.drive(
            slice, pool, isBaseline ? baseline : request, next, isBaseline ? base : run, 60);
        (isBaseline ? baseWindows : runWindows)
            .add(new Disturbances.Window(from, System.currentTimeMillis()));
      }
      next += slice.requests();
    }
    System.out.printf(
        "[bench] %s at %d/s: p99 %.1f ms (%d failed); %s: p99 %.1f ms (%d failed)%n",
        name, rate, run.p99Ms(), run.failed(), baselineName, base.p99Ms(), base.failed());
  }

  private Void loadElasticsearch(
      FeedCorpus corpus,
      FeedReadModel readModel,
      ElasticsearchAudiences audiences,
      List<ResidentProfile> profiles)
      throws Exception {
    long t = System.nanoTime();
    readModel.write(corpus);
    long indexed = readModel.deliveriesIndexed();
    if (indexed != deliveries) {
      throw new IllegalStateException(indexed + " deliveries indexed, " + deliveries + " written");
    }
    step(
        "%,d notices and %,d deliveries in the API's indices (%.0f s)", notices, indexed, since(t));
    t = System.nanoTime();
    audiences.load(profiles);
    step(
        "%,d profiles in Elasticsearch's bench-profiles index (%.0f s)", profiles.size(), since(t));
    return null;
  }

  /** Waits until the API's resident index holds every profile: all of them reached by everyone. */
  private static void awaitPreviewOfEveryone(ServingRequests requests, int total, Instant now)
      throws Exception {
    Notice everyone =
        new Notice(
            "everyone",
            1,
            new Publisher("kikikanri", "危機管理課", PublisherKind.DEPARTMENT),
            ServingRequests.MUNICIPALITY,
            Category.DISASTER,
            Map.of("ja", "避難情報"),
            Map.of("ja", "直ちに避難してください。"),
            null,
            null,
            new Validity(now, now.plus(Duration.ofHours(6))),
            Severity.EMERGENCY,
            NoticeStatus.PUBLISHED,
            new Audience.Everyone(),
            now);
    long t = System.nanoTime();
    Waits.until(
        "the API's resident index to hold all " + total + " profiles",
        Duration.ofMinutes(10),
        () -> {
          var response = requests.previewOf(everyone);
          if (response.statusCode() != 200) {
            return false;
          }
          return Long.valueOf(total).equals(requests.previewCount(everyone));
        });
    step("the preview counts all %,d residents (%.0f s)", total, since(t));
  }

  /**
   * The feed through the API for the resident with the most deliveries, one in the middle and the
   * last: as many items as the corpus gives them, the newest delivered notice on top. Fails when
   * the documents are not where the feed reader looks.
   */
  private static List<Map<String, Object>> checkFeeds(
      LocalStack stack, FeedCorpus corpus, ServingRequests requests) throws Exception {
    List<Map<String, Object>> checked = new ArrayList<>();
    for (int r : new int[] {0, corpus.residents() / 2, corpus.residents() - 1}) {
      String id = corpus.resident(r).id();
      var feed = requests.feedOf(id, stack);
      int expected = corpus.expectedItems(r, ServingRequests.FEED_PAGE);
      String top = feed.size() > 0 ? feed.get(0).get("noticeId").asText() : null;
      if (feed.size() != expected || (expected > 0 && !corpus.newestNoticeOf(r).equals(top))) {
        throw new IllegalStateException(
            String.format(
                "the feed of %s shows %d items (top %s), the corpus gives %d (top %s)",
                id, feed.size(), top, expected, corpus.newestNoticeOf(r)));
      }
      checked.add(
          Map.of("resident", id, "items", feed.size(), "deliveries", corpus.deliveriesOf(r)));
    }
    step("the API's feed shows each checked resident's deliveries: %s", checked);
    return checked;
  }

  /** The preview's count and Elasticsearch's for each audience shape (they count the same rule). */
  private static List<Map<String, Object>> compareCounts(
      ServingRequests requests, ElasticsearchAudiences audiences, Instant now) throws Exception {
    List<Map<String, Object>> counts = new ArrayList<>();
    for (int i = 0; i < requests.shapes().size(); i++) {
      Notice shape = requests.shapes().get(i);
      Long preview = requests.previewCount(shape);
      int elastic = audiences.count(shape, now);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("shape", BenchNotices.SHAPES.get(i).name());
      row.put("preview", preview);
      row.put("elasticsearch", elastic);
      row.put("same", preview != null && preview == elastic);
      counts.add(row);
    }
    step("preview vs Elasticsearch count per shape: %s", counts);
    return counts;
  }

  private void print(
      Map<String, OpenLoop.Run> runs,
      Map<String, Map<String, Object>> meanwhile,
      Map<String, Object> figures) {
    System.out.printf(
        "%nServing on the running stack: feed of %,d residents with %,d deliveries (%,d notices),"
            + " preview over %,d residents; %d clients, open loop%n",
        residents, deliveries, notices, previewResidents, clients);
    System.out.printf(
        "  %-34s %9s %7s %9s %9s %9s %14s %12s%n",
        "workload",
        "requests",
        "failed",
        "p50 ms",
        "p99 ms",
        "max ms",
        "GC paused ms",
        "checkpoints");
    runs.forEach(
        (name, run) -> {
          Map<String, Object> m = meanwhile.getOrDefault(name, Map.of());
          System.out.printf(
              "  %-34s %9d %7d %9.1f %9.1f %9.1f %14s %12s%n",
              name,
              run.count(),
              run.failed(),
              run.p50Ms(),
              run.p99Ms(),
              run.percentileMs(100),
              m.get("gcPausedMs"),
              m.get("checkpoints"));
        });
    runs.forEach(
        (name, run) -> {
          if (run.firstFailure() != null) {
            System.out.printf("  first failure of %s: %s%n", name, run.firstFailure());
          }
        });
    System.out.printf(
        "  load average: at start %s, before the load %s, after %s%n",
        figures.get("loadAverageAtStart"),
        figures.get("loadAverageBeforeLoad"),
        figures.get("loadAverageAfterLoad"));
  }

  private List<Figure> scorecard(Map<String, OpenLoop.Run> runs) {
    var feed = runs.get("feed via API");
    var feedBase = runs.get("feed via Elasticsearch directly");
    var preview = runs.get("preview via API");
    var count = runs.get("Elasticsearch count");
    var post = runs.get("POST notice via API");
    var produce = runs.get("Kafka produce to notices.v1");
    String feedAt =
        String.format(" (%s res., %s deliv., %d/s)", count(residents), count(deliveries), feedRate);
    String previewAt = String.format(" (%s residents, %d/s)", count(previewResidents), previewRate);
    long failed = runs.values().stream().mapToLong(OpenLoop.Run::failed).sum();
    return List.of(
        Figure.atMost("feed page 1 via API, p99" + feedAt, feed.p99Ms(), "ms", FEED_TARGET_MS),
        Figure.measured("feed: same queries to Elasticsearch, p99", feedBase.p99Ms(), "ms"),
        Figure.measured("feed: API p99 / Elasticsearch p99", ratio(feed, feedBase), "x"),
        Figure.atMost(
            "reach preview via API, p99" + previewAt, preview.p99Ms(), "ms", PREVIEW_TARGET_MS),
        Figure.measured("reach: Elasticsearch count of profiles, p99", count.p99Ms(), "ms"),
        Figure.measured("reach: preview p99 / Elasticsearch count p99", ratio(preview, count), "x"),
        Figure.measured("POST notice via API, p99 (" + postRate + "/s)", post.p99Ms(), "ms"),
        Figure.measured("post: Kafka produce to notices.v1, p99", produce.p99Ms(), "ms"),
        Figure.measured("post: API p99 / Kafka produce p99", ratio(post, produce), "x"),
        Figure.atMost("failed requests, all workloads", failed, "requests", 0));
  }

  /** 1M, 100k, 5,000: short enough for a figure's name. */
  static String count(long n) {
    if (n >= 1_000_000 && n % 1_000_000 == 0) {
      return n / 1_000_000 + "M";
    }
    if (n >= 10_000 && n % 1_000 == 0) {
      return String.format("%,dk", n / 1_000);
    }
    return String.format("%,d", n);
  }

  private static double ratio(OpenLoop.Run run, OpenLoop.Run baseline) {
    return baseline.p99Ms() > 0 ? run.p99Ms() / baseline.p99Ms() : Double.NaN;
  }

  private static String loadAverage() {
    try {
      return String.join(
          " ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static void step(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }

  private static double since(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1e9;
  }
}
