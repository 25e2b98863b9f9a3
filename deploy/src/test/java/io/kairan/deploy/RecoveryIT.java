package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.job.JobSettings;
import io.kairan.recommender.job.KairanJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real broker is killed in the middle of a stream of notices and restored from its
 * last checkpoint; what residents get must be exactly what a run without failure gives them.
 */
class RecoveryIT {
  private static final int RESIDENTS = 3000;
  private static final String GROUP = "kairan-recommender";
  private static final Instant NOW = Instant.now();
  private static final Set<String> FIRST_BATCH =
      notices(0, 6).stream().map(Notice::id).collect(Collectors.toSet());

  @TempDir Path dir;

  @Test
  void aJobKilledMidStreamAndRestoredDeliversExactlyWhatAnUninterruptedRunDelivers()
      throws Exception {
    List<ResidentProfile> residents =
        DemoLoader.residents(
            Path.of(System.getProperty("kairan.samples", "../samples")), RESIDENTS, NOW);

    Run reference = run(residents, false);
    Run restored = run(residents, true);

    assertThat(reference.decisions()).hasSizeGreaterThan(RESIDENTS);
    assertThat(restored.replayedAfterRestore())
        .as("the checkpoint restored did not cover the second batch: it was processed again")
        .isTrue();
    assertThat(restored.decisions()).as("none lost").isEqualTo(reference.decisions());
    // At-least-once sink: a replay may write a decision again, always the same one, under the same
    // delivery id, which every consumer applies once.
    assertThat(restored.records())
        .allSatisfy(
            d -> assertThat(d.channel().name()).isEqualTo(restored.decisions().get(d.id())));
    assertThat(restored.records())
        .filteredOn(d -> FIRST_BATCH.contains(d.noticeId()))
        .extracting(Delivery::id)
        .as(
            "restored from the checkpoint, not restarted from scratch: the first batch is not redone")
        .doesNotHaveDuplicates();
    System.out.printf(
        "[recovery] %d deliveries; after the kill %d records were written again under their ids%n",
        reference.decisions().size(), restored.records().size() - restored.decisions().size());
  }

  /** Everything a run delivered: the records, and each delivery id's channel. */
  private record Run(
      List<Delivery> records, Map<String, String> decisions, boolean replayedAfterRestore) {}

  private Run run(List<ResidentProfile> residents, boolean killMidStream) throws Exception {
    Path runDir = dir.resolve(killMidStream ? "restored" : "reference");
    Path checkpoints = runDir.resolve("checkpoints");
    try (KafkaBroker kafka =
            KafkaBroker.start(runDir.resolve("kafka"), Ports.free(), Ports.free());
        var producer = producer(kafka)) {
      kafka.createTopics();
      for (ResidentProfile resident : residents) {
        producer.send(new ProducerRecord<>(Topics.PROFILES, resident.id(), Json.write(resident)));
      }
      producer.flush();
      JobClient job = start(kafka, checkpoints, null);
      waitUntilCommitted(kafka, Topics.PROFILES, RESIDENTS);

      publish(producer, notices(0, 6));
      waitUntilCommitted(kafka, Topics.NOTICES, 6);
      long afterFirstBatch = deliveries(kafka).size();
      publish(producer, notices(6, 12));

      boolean replayed = false;
      if (killMidStream) {
        Waits.until(
            "deliveries of the second batch",
            Duration.ofSeconds(60),
            () -> deliveries(kafka).size() > afterFirstBatch);
        job.cancel().get(); // no savepoint: what is left is the last checkpoint
        replayed = kafka.committed(GROUP, Topics.NOTICES) < 12;
        job = start(kafka, checkpoints, latestCheckpoint(checkpoints));
      }
      waitUntilCommitted(kafka, Topics.NOTICES, 12);
      // The sink flushes at every checkpoint barrier: a checkpoint that covers every notice is
      // complete only once all their deliveries are on Kafka.
      List<Delivery> records = deliveries(kafka);
      job.cancel().get();
      Map<String, String> decisions = new HashMap<>();
      records.forEach(d -> decisions.put(d.id(), d.channel().name()));
      return new Run(records, decisions, replayed);
    }
  }

  private static JobClient start(KafkaBroker kafka, Path checkpoints, Path restoreFrom)
      throws Exception {
    Configuration flink = new Configuration();
    flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    flink.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    if (restoreFrom != null) {
      flink.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flink);
    // Long enough that the kill lands between two checkpoints, short enough for the test.
    return KairanJob.start(
        env, new JobSettings(kafka.bootstrapServers(), GROUP, Duration.ofSeconds(4)));
  }

  private static Path latestCheckpoint(Path checkpoints) throws IOException {
    try (Stream<Path> found = Files.walk(checkpoints, 2)) {
      return found
          .filter(p -> p.getFileName().toString().startsWith("chk-"))
          .filter(p -> Files.exists(p.resolve("_metadata")))
          .max(
              Comparator.comparingInt(
                  p -> Integer.parseInt(p.getFileName().toString().substring(4))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint in " + checkpoints));
    }
  }

  private static void waitUntilCommitted(KafkaBroker kafka, String topic, long records)
      throws Exception {
    Waits.until(
        "a checkpoint covering " + records + " records of " + topic,
        Duration.ofSeconds(90),
        () -> kafka.committed(GROUP, topic) >= records);
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
   * Notices to everyone in several categories; at most four important ones, under the daily cap, so
   * that no decision depends on the order notices from different partitions arrive in.
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
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }
}
