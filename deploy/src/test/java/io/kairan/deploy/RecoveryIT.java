package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Eligibility;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real broker, in a JVM of its own, is killed with SIGKILL in the middle of a stream
 * of notices and restored from its last checkpoint. What residents get must be exactly what the
 * plain scan and the delivery policy say, and the topic may hold a delivery twice only where the
 * README says: what the crashed job wrote after its last checkpoint, written again under the same
 * id.
 *
 * <p>The job runs on a fixed instant, 23:30 in Aizuwakamatsu: inside the 22:00–07:00 quiet hours of
 * about 70% of the demo residents, so important notices are pushed now to the others and at 07:00
 * the next morning to them.
 */
class RecoveryIT {
  private static final int RESIDENTS = 3000;
  private static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z"); // 23:30 JST
  private static final Instant SEVEN_NEXT_MORNING = Instant.parse("2026-11-26T22:00:00Z");
  private static final List<Notice> FIRST_BATCH = notices(0, 6);
  private static final List<Notice> SECOND_BATCH = notices(6, 12);

  @TempDir Path dir;

  @Test
  void aKilledAndRestoredJobDeliversThePlainScansSetAndRepeatsOnlyWhatFollowedItsCheckpoint()
      throws Exception {
    List<ResidentProfile> residents =
        DemoLoader.residents(
            Path.of(System.getProperty("kairan.samples", "../samples")), RESIDENTS, NOW);
    assertThat(residents)
        .as("the policy below is stated for these residents")
        .allSatisfy(
            r -> {
              assertThat(r.timeZone()).isEqualTo("Asia/Tokyo");
              assertThat(r.quietHours()).isIn(null, new QuietHours("22:00", "07:00"));
            })
        .anyMatch(r -> r.quietHours() == null)
        .anyMatch(r -> r.quietHours() != null);
    Map<String, Channel> firstBatch = expected(FIRST_BATCH, residents);
    Map<String, Channel> secondBatch = expected(SECOND_BATCH, residents);
    Map<String, Channel> expected = new HashMap<>(firstBatch);
    expected.putAll(secondBatch);
    Set<String> firstBatchIds = firstBatch.keySet();
    Set<String> secondBatchIds = secondBatch.keySet();
    Path checkpoints = dir.resolve("checkpoints");

    List<Delivery> beforeTheCrash;
    List<Delivery> records;
    try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
        var producer = producer(kafka)) {
      kafka.createTopics();
      for (ResidentProfile resident : residents) {
        producer.send(new ProducerRecord<>(Topics.PROFILES, resident.id(), Json.write(resident)));
      }
      producer.flush();
      try (JobProcess job =
          JobProcess.start(
              dir.resolve("first-run"), kafka.bootstrapServers(), checkpoints, NOW, null)) {
        checkpointCovering(job, kafka, Topics.PROFILES, RESIDENTS);
        publish(producer, FIRST_BATCH);
        checkpointCovering(job, kafka, Topics.NOTICES, FIRST_BATCH.size());

        try (var tail = tailOf(kafka, Topics.DELIVERIES)) {
          publish(producer, SECOND_BATCH);
          // Killed as soon as the job has written its first deliveries of the second batch.
          Waits.until(
              "the first deliveries of the second batch",
              Duration.ofSeconds(60),
              () -> !tail.poll(Duration.ofMillis(100)).isEmpty());
          job.kill();
        }
      }
      beforeTheCrash = deliveries(kafka);
      assertThat(kafka.committed(JobProcess.GROUP, Topics.NOTICES))
          .as("the last checkpoint covers the first batch and nothing of the second")
          .isEqualTo(FIRST_BATCH.size());

      try (JobProcess restored =
          JobProcess.start(
              dir.resolve("restored-run"),
              kafka.bootstrapServers(),
              checkpoints,
              NOW,
              JobProcess.latestCheckpoint(checkpoints))) {
        checkpointCovering(
            restored, kafka, Topics.NOTICES, FIRST_BATCH.size() + SECOND_BATCH.size());
      }
      records = deliveries(kafka);
    }

    Map<String, List<Delivery>> byId =
        records.stream().collect(Collectors.groupingBy(Delivery::id));
    assertThat(byId.values())
        .as("a delivery written twice is the same delivery")
        .allSatisfy(copies -> assertThat(new HashSet<>(copies)).hasSize(1));
    Map<String, Channel> delivered = new HashMap<>();
    byId.forEach((id, copies) -> delivered.put(id, copies.get(0).channel()));
    assertThat(delivered)
        .as("nothing lost, nothing extra, each on its channel")
        .isEqualTo(expected);
    assertThat(records)
        .filteredOn(d -> d.channel() == Channel.PUSH_AT)
        .extracting(Delivery::pushAt)
        .containsOnly(SEVEN_NEXT_MORNING);

    assertThat(firstBatchIds)
        .as("the first batch, which the restored checkpoint covers, is not redone")
        .allSatisfy(id -> assertThat(byId.get(id)).hasSize(1));
    Set<String> writtenBeforeTheCrash =
        beforeTheCrash.stream()
            .map(Delivery::id)
            .filter(secondBatchIds::contains)
            .collect(Collectors.toSet());
    assertThat(writtenBeforeTheCrash).isNotEmpty();
    assertThat(writtenBeforeTheCrash)
        .as("the second batch is redone from the checkpoint: what the crash left is written again")
        .allSatisfy(id -> assertThat(byId.get(id)).hasSize(2));
    assertThat(secondBatchIds)
        .as("one crash, one replay: no delivery on the topic more than twice")
        .allSatisfy(id -> assertThat(byId.get(id)).hasSizeBetween(1, 2));
    System.out.printf(
        "[recovery] %d deliveries; %d written before the crash after the last checkpoint, and"
            + " again after the restore (%d records)%n",
        expected.size(), records.size() - expected.size(), records.size());
  }

  /**
   * Every delivery the notices must give, with its channel, computed without the job: the plain
   * scan finds the residents, and the channel follows the policy as stated here for 23:30 JST and
   * the built-in rule set (no digest categories, push threshold 0, at most four important notices
   * under the daily cap of five): information goes to the feed; an important notice is pushed now,
   * or at 07:00 to a resident whose quiet hours (22:00–07:00) hold 23:30.
   */
  private static Map<String, Channel> expected(
      List<Notice> notices, List<ResidentProfile> residents) {
    Map<String, Channel> expected = new HashMap<>();
    for (Notice notice : notices) {
      for (ResidentProfile resident : residents) {
        if (Eligibility.isEligible(notice, resident, NOW)) {
          Channel channel =
              notice.severity() == Severity.INFO
                  ? Channel.FEED_ONLY
                  : resident.quietHours() == null ? Channel.PUSH_NOW : Channel.PUSH_AT;
          expected.put(DeliveryId.of(notice.id(), notice.version(), resident.id()), channel);
        }
      }
    }
    return expected;
  }

  /**
   * Takes checkpoints until one covers the first {@code records} records of the topic (the source
   * commits a checkpoint's offsets to the group once it completes).
   */
  private static void checkpointCovering(
      JobProcess job, KafkaBroker kafka, String topic, long records) throws Exception {
    Waits.until(
        "a checkpoint covering " + records + " records of " + topic,
        Duration.ofSeconds(120),
        () -> {
          job.checkpoint();
          return kafka.committed(JobProcess.GROUP, topic) >= records;
        });
  }

  /** A consumer at the current end of every partition of the topic: it sees only what follows. */
  private static KafkaConsumer<String, String> tailOf(KafkaBroker kafka, String topic) {
    var consumer =
        new KafkaConsumer<String, String>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    var partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves the end now, before anything is published
    return consumer;
  }

  private static List<Delivery> deliveries(KafkaBroker kafka) {
    List<Delivery> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r :
        TopicRecords.all(kafka.bootstrapServers(), Topics.DELIVERIES)) {
      out.add(Json.read(r.value(), Delivery.class));
    }
    return out;
  }

  private static void publish(KafkaProducer<String, String> producer, List<Notice> notices) {
    for (Notice notice : notices) {
      producer.send(new ProducerRecord<>(Topics.NOTICES, notice.id(), Json.write(notice)));
    }
    producer.flush();
  }

  /**
   * Notices to everyone in several categories; four important ones, under the daily cap, so that no
   * decision depends on the order notices from different partitions arrive in.
   */
  private static List<Notice> notices(int from, int to) {
    Category[] categories = {
      Category.HEALTH,
      Category.EVENTS,
      Category.GARBAGE,
      Category.CULTURE,
      Category.CHILDCARE,
      Category.WELFARE
    };
    Set<Integer> important = Set.of(1, 4, 7, 10);
    List<Notice> notices = new ArrayList<>();
    for (int i = from; i < to; i++) {
      notices.add(
          new Notice(
              "recovery-" + i,
              1,
              new Publisher("shimin-ka", "市民課", PublisherKind.DEPARTMENT),
              "072028",
              categories[i % categories.length],
              Map.of("ja", "お知らせ " + i),
              Map.of(),
              null,
              null,
              new Validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))),
              important.contains(i) ? Severity.IMPORTANT : Severity.INFO,
              NoticeStatus.PUBLISHED,
              new Audience.Everyone(),
              NOW));
    }
    return notices;
  }

  private static KafkaProducer<String, String> producer(KafkaBroker kafka) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(),
        new StringSerializer());
  }
}
