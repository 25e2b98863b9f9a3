package io.kairan.deploy.bench;

import io.kairan.api.notice.NoticeDraft;
import io.kairan.deploy.stack.ApiClient;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * From the API accepting an urgent notice to its deliveries on Kafka, on the running stack with
 * every resident loaded: the first delivery (the job has begun) and the last (every eligible
 * resident decided), measured from when the request was sent.
 */
final class UrgentLatency {
  private UrgentLatency() {}

  /** One urgent notice: when it was sent, answered, and first and last delivered (wall ms). */
  record Timing(
      String noticeId,
      String district,
      long sent,
      long accepted,
      long first,
      long last,
      long deliveries) {
    long toFirst() {
      return first - sent;
    }

    long toLast() {
      return last - sent;
    }
  }

  /**
   * @param stateBytes the job's state per operator in its last checkpoint, after the notices
   */
  record Result(
      List<UrgentTail.Explained> explained,
      Latencies first,
      Latencies last,
      long deliveries,
      Map<String, Long> stateBytes) {
    int notices() {
      return explained.size();
    }

    /**
     * The checkpointed state of the operators whose (chained) vertex name contains {@code name}.
     */
    long stateOf(String name) {
      return stateBytes.entrySet().stream()
          .filter(e -> e.getKey().contains(name))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    List<Figure> figures(int residents) {
      String at = String.format(" (%,d residents)", residents);
      return List.of(
          Figure.atMost(
              "urgent: API accept -> first delivery, p99" + at,
              first.p99(),
              "ms",
              UrgentTail.FIRST_TARGET_MS),
          Figure.atMost(
              "urgent: API accept -> last delivery of the district, p99" + at,
              last.p99(),
              "ms",
              UrgentTail.LAST_TARGET_MS),
          Figure.measured("urgent: notices timed", notices(), "notices"));
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("notices", notices());
      json.put("deliveries", deliveries);
      json.put("first", first.json());
      json.put("last", last.json());
      json.put("causes", UrgentTail.causes(explained));
      json.put("byCheckpoint", UrgentTail.byCheckpoint(explained));
      json.put("stateBytesByOperator", stateBytes);
      return json;
    }
  }

  static void load(LocalStack stack, List<ResidentProfile> profiles) throws Exception {
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                "20",
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"))) {
      for (ResidentProfile p : profiles) {
        producer.send(new ProducerRecord<>(Topics.PROFILES, p.id(), Json.write(p)));
      }
    }
    // The job commits its offsets on each checkpoint: then every profile is in its state.
    Waits.until(
        "the job to hold all " + profiles.size() + " profiles",
        Duration.ofMinutes(15),
        () -> stack.kafka().committed("kairan-recommender", Topics.PROFILES) >= profiles.size());
  }

  static Result measure(LocalStack stack, List<String> districts, int count) throws Exception {
    Map<String, Long> firstAt = new ConcurrentHashMap<>();
    Map<String, Long> lastAt = new ConcurrentHashMap<>();
    Map<String, Long> perNotice = new ConcurrentHashMap<>();
    var stop = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> follow(stack.kafkaBootstrapServers(), firstAt, lastAt, perNotice, stop),
            "urgent-reader");
    reader.start();
    Thread.sleep(2000); // the reader's partitions are assigned and at the end
    try (var checkpoints = CheckpointLog.follow(stack.flinkRestUrl());
        var gc = GcPauses.follow()) {
      Posted result = post(stack, districts, count, firstAt, lastAt, perNotice);
      stop.set(true);
      reader.join();
      Thread.sleep(500); // the checkpoint log's last poll
      return new Result(
          UrgentTail.explain(result.timings, checkpoints.all(), pauses(stack, gc)),
          result.first,
          result.last,
          result.deliveries,
          checkpoints.stateSizes());
    } finally {
      stop.set(true);
    }
  }

  /** The pauses of this JVM (API, push) and of the job's own JVM, if it has one. */
  private static List<GcPauses.Pause> pauses(LocalStack stack, GcPauses here) throws Exception {
    var pauses = new ArrayList<>(here.all());
    if (stack.jobGcLog().isPresent()) {
      pauses.addAll(GcPauses.fromLog(stack.jobGcLog().get()));
    }
    return pauses;
  }

  private record Posted(List<Timing> timings, Latencies first, Latencies last, long deliveries) {}

  private static Posted post(
      LocalStack stack,
      List<String> districts,
      int count,
      Map<String, Long> firstAt,
      Map<String, Long> lastAt,
      Map<String, Long> perNotice)
      throws Exception {

    ApiClient api = new ApiClient(stack.apiUrl());
    String token = stack.tokens().publisher("kikikanri", "危機管理課", "DEPARTMENT", "072028");
    Map<String, long[]> sentAt = new LinkedHashMap<>();
    Map<String, String> districtOf = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String district = districts.get(i % districts.size());
      Instant now = Instant.now();
      NoticeDraft draft =
          new NoticeDraft(
              "072028",
              Category.DISASTER,
              Map.of("ja", "避難指示 " + district, "en", "Evacuation order " + district),
              Map.of("ja", "直ちに避難してください。"),
              null,
              null,
              new Validity(now, now.plus(Duration.ofHours(6))),
              Severity.EMERGENCY,
              new Audience.InDistrict(List.of(district)));
      long sent = System.currentTimeMillis();
      var response = api.post("/api/v1/notices", token, draft);
      if (response.statusCode() != 201) {
        throw new IllegalStateException("the API refused a notice: " + response.body());
      }
      long accepted = System.currentTimeMillis();
      String id = Json.read(response.body(), Notice.class).id();
      sentAt.put(id, new long[] {sent, accepted});
      districtOf.put(id, district);
      Thread.sleep(500); // one notice at a time: latency, not queueing behind the previous one
    }
    Waits.until(
        "deliveries of every urgent notice",
        Duration.ofMinutes(2),
        () -> firstAt.keySet().containsAll(sentAt.keySet()));
    Thread.sleep(5000); // stragglers

    var timings = new ArrayList<Timing>();
    var first = new Latencies();
    var last = new Latencies();
    long deliveries = 0;
    for (var e : sentAt.entrySet()) {
      String id = e.getKey();
      var timing =
          new Timing(
              id,
              districtOf.get(id),
              e.getValue()[0],
              e.getValue()[1],
              firstAt.get(id),
              lastAt.get(id),
              perNotice.get(id));
      timings.add(timing);
      first.record(timing.toFirst());
      last.record(timing.toLast());
      deliveries += timing.deliveries();
    }
    return new Posted(timings, first, last, deliveries);
  }

  /**
   * Follows deliveries.v1 from its end, noting each notice's first and last record time. Every
   * notice: its deliveries may arrive before the API's answer names it.
   */
  private static void follow(
      String bootstrap,
      Map<String, Long> firstAt,
      Map<String, Long> lastAt,
      Map<String, Long> perNotice,
      AtomicBoolean stop) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    try (var consumer = new KafkaConsumer<String, String>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.DELIVERIES)
          .forEach(p -> partitions.add(new TopicPartition(Topics.DELIVERIES, p.partition())));
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      while (!stop.get()) {
        for (var record : consumer.poll(Duration.ofMillis(100))) {
          // The record's time is when the job's producer wrote it.
          String noticeId = Json.read(record.value(), Delivery.class).noticeId();
          firstAt.merge(noticeId, record.timestamp(), Math::min);
          lastAt.merge(noticeId, record.timestamp(), Math::max);
          perNotice.merge(noticeId, 1L, Long::sum);
        }
      }
    }
  }
}
