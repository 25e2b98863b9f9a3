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

  record Result(Percentiles first, Percentiles all, int notices, long deliveries) {}

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

    ApiClient api = new ApiClient(stack.apiUrl());
    String token = stack.tokens().publisher("kikikanri", "危機管理課", "DEPARTMENT");
    Map<String, Long> sentAt = new LinkedHashMap<>();
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
      String id = Json.read(response.body(), Notice.class).id();
      sentAt.put(id, sent);
      Thread.sleep(500); // one notice at a time: latency, not queueing behind the previous one
    }
    Waits.until(
        "deliveries of every urgent notice",
        Duration.ofMinutes(2),
        () -> firstAt.keySet().containsAll(sentAt.keySet()));
    Thread.sleep(5000); // stragglers
    stop.set(true);
    reader.join();

    long[] first = new long[sentAt.size()];
    long[] all = new long[sentAt.size()];
    int k = 0;
    for (var e : sentAt.entrySet()) {
      first[k] = firstAt.get(e.getKey()) - e.getValue();
      all[k++] = lastAt.get(e.getKey()) - e.getValue();
    }
    long deliveries = sentAt.keySet().stream().mapToLong(perNotice::get).sum();
    return new Result(Percentiles.ofMillis(first), Percentiles.ofMillis(all), count, deliveries);
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
