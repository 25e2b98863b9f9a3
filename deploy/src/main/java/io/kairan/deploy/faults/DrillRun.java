package io.kairan.deploy.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.deploy.cluster.ClusterStack;
import io.kairan.deploy.stack.ApiClient;
import io.kairan.deploy.stack.Waits;
import io.kairan.ingest.publish.TopicReader;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.push.fcmlocal.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One run of the drill on a running cluster: the residents loaded, a warm-up notice to all of them
 * (so the job provably holds every profile before the stream starts), the stream, the faults at
 * even intervals while it runs, then what arrived once nothing moves any more.
 */
final class DrillRun {
  /** A fault as it happened: when, what it hit, and when the first notice after it got through. */
  record FaultReport(
      Fault fault, double atSeconds, String hit, Double recoverySeconds, String firstNotice) {}

  /** What arrived: deliveries by notice id, pushes by device token and notice id, feeds. */
  record Outcome(
      Map<Integer, DrillStream.Accepted> accepted,
      Set<String> noticesOnTopic,
      Map<String, Set<String>> deliveries,
      Map<String, Long> deliveryRecords,
      Map<String, Integer> pushes,
      Map<String, Integer> topicMessages,
      Map<String, Set<String>> feeds,
      long profileChanges,
      long retries,
      List<FaultReport> faults,
      double streamSeconds) {}

  private final ClusterStack stack;
  private final DrillWorkload workload;
  private final DrillOptions options;
  private final ApiClient api;

  DrillRun(ClusterStack stack, DrillWorkload workload, DrillOptions options) {
    this.stack = stack;
    this.workload = workload;
    this.options = options;
    this.api = new ApiClient(stack.apiUrl());
  }

  Outcome run(List<Fault> faults) throws Exception {
    loadResidents();
    DrillStream stream = new DrillStream(workload, api, stack.tokens());
    long start = System.nanoTime();
    Instant startedAt = Instant.now();
    double streamSeconds = workload.notices() / options.noticesPerSecond();
    List<FaultReport> reports = new ArrayList<>();
    var faultsDone = new java.util.concurrent.atomic.AtomicBoolean(faults.isEmpty());
    var noticesDone = new java.util.concurrent.atomic.AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> notices =
          pool.submit(
              () ->
                  call(
                      () -> {
                        stream.postNotices(options.noticesPerSecond(), () -> !faultsDone.get());
                        noticesDone.set(true);
                      }));
      Future<?> profiles =
          pool.submit(
              () ->
                  call(
                      () ->
                          stream.changeProfiles(
                              options.profileChangesPerSecond(), () -> !noticesDone.get())));
      // The faults spread over the stream, the first after a tenth of it, one after another (a
      // fault starts when the one before has recovered); the stream goes on until the last has.
      double gap = streamSeconds * 0.8 / Math.max(1, faults.size());
      try {
        for (int i = 0; i < faults.size(); i++) {
          long due = start + (long) ((streamSeconds * 0.1 + i * gap) * 1e9);
          Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
          reports.add(inject(faults.get(i), stream, startedAt));
        }
      } finally {
        faultsDone.set(true);
      }
      notices.get();
      profiles.get();
    } finally {
      pool.shutdownNow();
    }
    double took = (System.nanoTime() - start) / 1e9;
    Map<Integer, DrillStream.Accepted> accepted = stream.accepted();
    settle(accepted);
    return new Outcome(
        accepted,
        noticesOnTopic(),
        deliveries(),
        deliveryRecords,
        pushes(),
        topicMessages(),
        feeds(accepted),
        stream.profileChanges(),
        stream.retries(),
        reports,
        took);
  }

  private interface Step {
    void run() throws Exception;
  }

  private static Void call(Step step) throws Exception {
    step.run();
    return null;
  }

  private FaultReport inject(Fault fault, DrillStream stream, Instant startedAt) throws Exception {
    Instant at = Instant.now();
    long t0 = System.nanoTime();
    System.out.printf("[drill] %s …%n", fault.description);
    String hit = fault.inject(stack, options.outage());
    // Recovered once the first notice accepted after the fault reached a resident's phone (an
    // emergency) or feed, and the feed of one of its residents shows it.
    Double recovery = null;
    String first = "";
    try {
      DrillStream.Accepted next =
          Waits.value(
              "a notice accepted after " + fault,
              Duration.ofMinutes(5),
              () -> stream.firstAcceptedAfter(at).orElse(null));
      first = "#" + next.seq();
      String resident = workload.eligible(next.seq()).iterator().next();
      int index = Integer.parseInt(resident.substring("drill-".length()));
      Waits.until(
          "notice " + first + " through after " + fault,
          Duration.ofMinutes(5),
          () ->
              (!workload.isEmergency(next.seq()) || pushed(workload.token(index), next.noticeId()))
                  && feed(resident).contains(next.noticeId()));
      recovery = (System.nanoTime() - t0) / 1e9;
    } catch (IllegalStateException timedOut) {
      System.out.println("[drill] NOT RECOVERED: " + timedOut.getMessage());
    }
    double atSeconds = Duration.between(startedAt, at).toMillis() / 1e3;
    System.out.printf(
        "[drill] %s: %s; recovered in %s%n",
        fault, hit, recovery == null ? "—" : String.format("%.1f s", recovery));
    return new FaultReport(fault, atSeconds, hit, recovery, first);
  }

  private boolean pushed(String token, String noticeId) {
    return stack.fcm().requestsTo(token).stream()
        .anyMatch(
            r ->
                r.data() != null
                    && noticeId.equals(r.data().path("noticeId").asText())
                    && r.answer() != null
                    && r.answer().httpStatus() == 200);
  }

  /** Profiles and devices onto their topics, then a warm-up emergency that reaches them all. */
  private void loadResidents() throws Exception {
    Instant now = Instant.now();
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer = new KafkaProducer<String, String>(config)) {
      for (int i = 0; i < workload.residents(); i++) {
        ResidentProfile profile = workload.profile(i, false, now);
        var device = workload.device(i, now);
        producer.send(new ProducerRecord<>(Topics.DEVICES, device.id(), Json.write(device)));
        producer.send(new ProducerRecord<>(Topics.PROFILES, profile.id(), Json.write(profile)));
      }
      producer.flush();
    }
    String department = stack.tokens().publisher("bousai-ka", "危機管理課", "DEPARTMENT", "072028");
    var warmUp = workload.warmUp(now);
    var posted = api.post("/api/v1/notices", department, warmUp);
    if (posted.statusCode() != 201) {
      throw new IllegalStateException("warm-up refused: " + posted.body());
    }
    String id = Json.mapper().readTree(posted.body()).path("id").asText();
    Waits.until(
        "the warm-up notice delivered to all " + workload.residents() + " residents",
        Duration.ofMinutes(5),
        () -> deliveries().getOrDefault(id, Set.of()).size() == workload.residents());
    System.out.printf(
        "[drill] %d residents loaded; the job holds them all%n", workload.residents());
  }

  /**
   * Waits until what arrives stops changing: every accepted notice's deliveries on the topic and
   * every emergency's pushes, or nothing new for the settle time.
   */
  private void settle(Map<Integer, DrillStream.Accepted> accepted) throws InterruptedException {
    long expected = 0;
    long expectedPushes = 0;
    for (int k : accepted.keySet()) {
      expected += workload.eligible(k).size();
      if (workload.isEmergency(k)) {
        expectedPushes += workload.eligible(k).size();
      }
    }
    long deliveriesWanted = expected;
    long pushesWanted = expectedPushes;
    long[] last = {-1, System.nanoTime()};
    Waits.until(
        "deliveries and pushes to settle",
        Duration.ofMinutes(15),
        () -> {
          Set<String> ids = new HashSet<>();
          accepted.values().forEach(a -> ids.add(a.noticeId()));
          long delivered =
              deliveries().entrySet().stream()
                  .filter(e -> ids.contains(e.getKey()))
                  .mapToLong(e -> e.getValue().size())
                  .sum();
          long pushedNow =
              pushes().keySet().stream().filter(k -> ids.contains(k.split("\\|")[1])).count();
          long progress = delivered + pushedNow;
          if (progress != last[0]) {
            last[0] = progress;
            last[1] = System.nanoTime();
          }
          boolean done = delivered >= deliveriesWanted && pushedNow >= pushesWanted;
          boolean stuck = System.nanoTime() - last[1] > options.settle().toNanos();
          return done || stuck;
        });
  }

  /** Records per notice id on deliveries.v1 when it was last read (a replay writes some twice). */
  private Map<String, Long> deliveryRecords = Map.of();

  /** deliveries.v1 from its start to its end now. */
  private synchronized Map<String, Set<String>> deliveries() {
    Map<String, Set<String>> byNotice = new HashMap<>();
    Map<String, Long> records = new HashMap<>();
    for (String value : readTopic(Topics.DELIVERIES)) {
      Delivery d = Json.read(value, Delivery.class);
      byNotice.computeIfAbsent(d.noticeId(), n -> new HashSet<>()).add(d.residentId());
      records.merge(d.noticeId(), 1L, Long::sum);
    }
    deliveryRecords = records;
    return byNotice;
  }

  private Set<String> noticesOnTopic() throws Exception {
    Set<String> ids = new HashSet<>();
    for (String value : readTopic(Topics.NOTICES)) {
      JsonNode notice = Json.mapper().readTree(value);
      ids.add(notice.path("id").asText());
    }
    return ids;
  }

  /**
   * Every value of a topic from its beginning to its end now (no writer of Kairan's is
   * transactional).
   */
  private List<String> readTopic(String topic) {
    List<String> values = new ArrayList<>();
    try (var consumer = TopicReader.consumer(stack.kafka().bootstrapServers())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      TopicReader.read(
          consumer,
          partitions,
          false,
          r -> {
            if (r.value() != null) {
              values.add(r.value());
            }
            return true;
          });
    }
    return values;
  }

  /** Successful sends to devices, by {@code token|noticeId}, and how often each was sent. */
  private Map<String, Integer> pushes() {
    Map<String, Integer> counts = new HashMap<>();
    for (ReceivedMessage m : stack.fcm().received()) {
      String notice = m.data().get("noticeId");
      if (notice != null) {
        counts.merge(m.token() + "|" + notice, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The first stage of each emergency: messages to district topics, by notice id. */
  private Map<String, Integer> topicMessages() {
    Map<String, Integer> counts = new HashMap<>();
    stack
        .fcm()
        .topicMessages()
        .forEach(
            m -> {
              String notice = m.data().get("noticeId");
              if (notice != null) {
                counts.merge(notice, 1, Integer::sum);
              }
            });
    return counts;
  }

  /** Every resident's whole feed through the API, once it holds what it should (or 3 min). */
  private Map<String, Set<String>> feeds(Map<Integer, DrillStream.Accepted> accepted)
      throws Exception {
    Map<String, Set<String>> wanted = new HashMap<>();
    accepted.forEach(
        (k, a) ->
            workload
                .eligible(k)
                .forEach(r -> wanted.computeIfAbsent(r, x -> new HashSet<>()).add(a.noticeId())));
    Map<String, Set<String>> feeds = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    for (int i = 0; i < workload.residents(); i++) {
      String resident = workload.residentId(i);
      Set<String> feed = feed(resident);
      while (!feed.containsAll(wanted.getOrDefault(resident, Set.of()))
          && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        feed = feed(resident);
      }
      feeds.put(resident, feed);
    }
    return feeds;
  }

  /** A resident's feed, every page, as their app reads it. */
  private Set<String> feed(String resident) throws Exception {
    String token = stack.tokens().resident(resident);
    Set<String> ids = new HashSet<>();
    String path = "/api/v1/me/feed?size=100";
    while (path != null) {
      var page = api.get(path, token);
      if (page.statusCode() != 200) {
        throw new IllegalStateException("feed of " + resident + ": " + page.statusCode());
      }
      Json.mapper().readTree(page.body()).forEach(item -> ids.add(item.path("noticeId").asText()));
      path =
          page.headers()
              .firstValue("Kairan-Next-Cursor")
              .map(
                  c ->
                      "/api/v1/me/feed?size=100&cursor="
                          + java.net.URLEncoder.encode(c, java.nio.charset.StandardCharsets.UTF_8))
              .orElse(null);
    }
    return ids;
  }
}
