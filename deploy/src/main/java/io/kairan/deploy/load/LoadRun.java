package io.kairan.deploy.load;

import io.kairan.deploy.cluster.ClusterOptions;
import io.kairan.deploy.cluster.ClusterStack;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.ResidentProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One run on a fresh cluster: the residents of a shape straight onto profiles.v1 (a bulk load, as a
 * migration would), until the job has committed them all (it commits on checkpoints, so every
 * profile is then in its state), then the notice stream through the API until every notice's
 * deliveries have stopped coming; each process's CPU and memory over both phases.
 */
final class LoadRun {
  static final String JOB_GROUP = "kairan-recommender";

  /** How long the deliveries must stand still before the stream counts as delivered. */
  static final Duration QUIET = Duration.ofSeconds(15);

  /** Everything one run measured. */
  record Result(
      LoadShape shape,
      int parallelism,
      int residents,
      double publishSeconds,
      double absorbSeconds,
      NoticeStream.Result posted,
      StreamFigures stream,
      List<ProcessUsage> loadUsage,
      List<ProcessUsage> streamUsage,
      double[] loadAverageLoad,
      double[] loadAverageStream,
      long stateBytes,
      long restarts,
      long deliveryBytes,
      Map<String, Long> elasticsearch) {

    Map<String, Object> json(LoadPlan plan) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("shape", shape.label());
      json.put("municipalities", shape.municipalities());
      json.put("parallelism", parallelism);
      json.put("residents", residents);
      json.put("residentsPerMunicipality", plan.residentsPerMunicipality(shape));
      Map<String, Object> load = new LinkedHashMap<>();
      load.put("publishSeconds", publishSeconds);
      load.put("untilCommittedSeconds", absorbSeconds);
      load.put("profilesPerSecond", Math.round(residents / absorbSeconds));
      load.put("loadAverage1m", loadAverageLoad);
      load.put("processes", usage(loadUsage));
      json.put("load", load);
      Map<String, Object> stream = new LinkedHashMap<>();
      stream.put("noticeRatePerSecond", plan.noticeRate());
      stream.put("notices", plan.notices());
      stream.put("postSeconds", posted.seconds());
      stream.put("refusedNotices", posted.refused());
      stream.put("refusals", posted.reasons());
      stream.putAll(this.stream.json());
      stream.put("loadAverage1m", loadAverageStream);
      stream.put("processes", usage(streamUsage));
      json.put("stream", stream);
      json.put("checkpointedStateBytes", stateBytes);
      json.put("stateBytesPerResident", residents == 0 ? 0 : stateBytes / (double) residents);
      json.put("jobRestarts", restarts);
      json.put("deliveryRecordBytes", deliveryBytes);
      json.put("elasticsearch", elasticsearch);
      return json;
    }

    private static List<Map<String, Object>> usage(List<ProcessUsage> usage) {
      return usage.stream().map(ProcessUsage::json).toList();
    }
  }

  /** The cluster of the run under way, for the launcher's shutdown hook to stop. */
  static volatile ClusterStack current;

  private LoadRun() {}

  static Result run(
      Path root, LoadPlan plan, LoadShape shape, int parallelism, List<ResidentProfile> residents)
      throws Exception {
    ClusterOptions options =
        ClusterOptions.fromBuild(root, parallelism)
            .withCheckpointInterval(Duration.ofMillis(plan.checkpointMs()));
    try (ClusterStack stack = ClusterStack.start(options);
        ProcessMeter meter = new ProcessMeter(ClusterProcesses.of(stack))) {
      current = stack;
      String bootstrap = stack.kafka().bootstrapServers();
      ProcessMeter.Mark before = meter.mark();
      long t0 = System.nanoTime();
      publish(bootstrap, residents);
      double publishSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "[load] %,d profiles on %s in %.1f s; waiting for the job to commit them%n",
          residents.size(), Topics.PROFILES, publishSeconds);
      Waits.until(
          "the job to commit all " + residents.size() + " profiles",
          Duration.ofMinutes(60),
          () -> {
            if (stack.flink().restarts(stack.jobId()) > 0) {
              throw new IllegalStateException(
                  "the job restarted while loading the profiles: " + whyRestarted(stack));
            }
            return stack.kafka().brokers().get(0).committed(JOB_GROUP, Topics.PROFILES)
                >= residents.size();
          });
      double absorbSeconds = (System.nanoTime() - t0) / 1e9;
      ProcessMeter.Mark loaded = meter.mark();
      System.out.printf("[load] the job holds them after %.1f s%n", absorbSeconds);

      Instant now = Instant.now();
      List<String> districts =
          residents.stream().map(ResidentProfile::district).distinct().sorted().toList();
      Map<String, String> tokens = new HashMap<>();
      NoticeStream.Result posted;
      try (DeliveryFollower deliveries = new DeliveryFollower(bootstrap)) {
        System.out.printf(
            "[load] posting %d notices at %.1f/s through the API%n",
            plan.notices(), plan.noticeRate());
        posted =
            new NoticeStream(stack.apiUrl())
                .post(
                    plan.notices(),
                    plan.noticeRate(),
                    n -> shape.notice(n, districts, now),
                    (n, notice) ->
                        tokens.computeIfAbsent(
                            shape.publisherOf(n, plan.publishers()),
                            id ->
                                stack
                                    .tokens()
                                    .publisher(
                                        id, "負荷試験課", "DEPARTMENT", notice.municipalityCode())));
        awaitQuiet(deliveries, posted);
        ProcessMeter.Mark streamed = meter.mark();
        StreamFigures figures = StreamFigures.of(posted.accepted(), deliveries::of);
        return new Result(
            shape,
            parallelism,
            residents.size(),
            publishSeconds,
            absorbSeconds,
            posted,
            figures,
            meter.between(before, loaded),
            meter.between(loaded, streamed),
            meter.loadAverageRange(before),
            meter.loadAverageRange(loaded),
            stateBytes(stack),
            stack.flink().restarts(stack.jobId()),
            deliveries.bytes(),
            elasticsearch(stack));
      }
    } finally {
      current = null;
    }
  }

  /**
   * Until every accepted notice has had a delivery and no delivery has come for {@link #QUIET}: the
   * job is through the stream. At most 30 minutes.
   */
  private static void awaitQuiet(DeliveryFollower deliveries, NoticeStream.Result posted)
      throws InterruptedException {
    long[] seen = {-1, System.nanoTime()};
    Waits.until(
        "the deliveries of every notice, then " + QUIET.toSeconds() + " s without one",
        Duration.ofMinutes(30),
        () -> {
          long total = deliveries.total();
          if (total != seen[0]) {
            seen[0] = total;
            seen[1] = System.nanoTime();
            return false;
          }
          boolean all =
              posted.accepted().stream().allMatch(a -> deliveries.of(a.noticeId()) != null);
          return all && System.nanoTime() - seen[1] > QUIET.toNanos();
        });
  }

  private static void publish(String bootstrap, List<ResidentProfile> residents) {
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                "20",
                ProducerConfig.BATCH_SIZE_CONFIG,
                "262144",
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"))) {
      for (ResidentProfile p : residents) {
        producer.send(new ProducerRecord<>(Topics.PROFILES, p.id(), Json.write(p)));
      }
      producer.flush();
    }
  }

  /** The TaskManagers' first OutOfMemoryError lines, else where their logs are. */
  static String whyRestarted(ClusterStack stack) throws java.io.IOException {
    List<String> found = new java.util.ArrayList<>();
    try (var logs = java.nio.file.Files.list(stack.flink().logs())) {
      for (Path log :
          logs.filter(l -> l.getFileName().toString().startsWith("taskmanager")).toList()) {
        try (var lines =
            java.nio.file.Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
          lines
              .filter(l -> l.contains("OutOfMemoryError"))
              .findFirst()
              .ifPresent(l -> found.add(log.getFileName() + ": " + l.trim()));
        }
      }
    }
    return found.isEmpty() ? "see " + stack.flink().logs() : String.join("; ", found);
  }

  /** The job's state in its latest completed checkpoint, as the JobManager reports it. */
  private static long stateBytes(ClusterStack stack) {
    try {
      return get(stack.flink().restUrl() + "/jobs/" + stack.jobId() + "/checkpoints")
          .path("latest")
          .path("completed")
          .path("state_size")
          .asLong();
    } catch (Exception e) {
      System.err.println("[load] the job's checkpointed state is unknown: " + e);
      return 0;
    }
  }

  /**
   * Documents and bytes on disk (primaries and replicas) over the read model's indices, to size
   * Elasticsearch's shards from: the feed's deliveries, the profiles for the reach preview.
   */
  private static Map<String, Long> elasticsearch(ClusterStack stack) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try {
      String url =
          stack.elasticsearch().get(0).url()
              + "/_cat/indices?format=json&bytes=b&h=index,docs.count,store.size,pri.store.size";
      for (var index : get(url)) {
        String name = index.path("index").asText();
        if (name.startsWith(".")) {
          continue;
        }
        sizes.put(name + ".docs", index.path("docs.count").asLong());
        sizes.put(name + ".storeBytes", index.path("store.size").asLong());
        sizes.put(name + ".primaryStoreBytes", index.path("pri.store.size").asLong());
      }
    } catch (Exception e) {
      System.err.println("[load] Elasticsearch's index sizes are unknown: " + e);
    }
    return sizes;
  }

  private static com.fasterxml.jackson.databind.JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(response.body());
  }
}
