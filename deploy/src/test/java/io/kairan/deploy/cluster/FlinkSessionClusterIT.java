package io.kairan.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.TopicRecords;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
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
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommender's job jar, submitted with {@code flink run} to a session cluster of a JobManager
 * and two TaskManagers (each a JVM of its own, on the jars deploy's build puts in {@code
 * target/flink/lib}), delivers a notice to the one resident it is meant for; when one TaskManager
 * is killed with SIGKILL and a replacement started, the job is restarted from its last checkpoint
 * and delivers the next notice, without doing again what that checkpoint covered.
 *
 * <p>The job jar's {@code main} reads the system clock, as on a real cluster; the test reads the
 * instants it writes from that same clock, and nothing it asserts depends on what it says: the
 * notices are information (always the feed, never a push, so no quiet hours or daily cap apply)
 * valid from a day before until a month after.
 */
class FlinkSessionClusterIT {
  private static final Path FLINK_HOME = FlinkSessionSettings.defaultHome();
  private static final Path JOB_JAR = FLINK_HOME.resolve("jobs/kairan-recommender-job.jar");
  private static final String GROUP = "kairan-recommender";
  private static final String SUBSCRIBER = "resident-garbage";
  private static final String NEIGHBOUR = "resident-no-consent";
  private static final Clock CLOCK = Clock.systemUTC();

  // Kept when the test fails: the processes' logs are in flink/log.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void theJobJarDeliversOnTheSessionClusterAndAfterATaskManagerIsKilledResumesFromItsCheckpoint()
      throws Exception {
    Instant now = CLOCK.instant();
    try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
        var producer = producer(kafka)) {
      kafka.createTopics();
      long t0 = System.nanoTime();
      try (FlinkSessionCluster flink =
          FlinkSessionCluster.start(
              new FlinkSessionSettings(
                  FLINK_HOME, dir.resolve("flink"), 2, 2, Ports.free(), "1g", "1280m"))) {
        long started = System.nanoTime();
        String jobId =
            flink.submit(
                JOB_JAR,
                2,
                List.of(
                    "--bootstrap-servers",
                    kafka.bootstrapServers(),
                    "--checkpoint-interval-ms",
                    "1000"));
        long submitted = System.nanoTime();
        String first = FlinkSessionCluster.taskManagerId(0);
        String second = FlinkSessionCluster.taskManagerId(1);
        assertThat(flink.taskManagersOf(jobId))
            .as("the job's subtasks are spread over both TaskManagers, so a kill hits it")
            .containsExactlyInAnyOrder(first, second);

        send(producer, Topics.PROFILES, SUBSCRIBER, profile(SUBSCRIBER, true, now));
        send(producer, Topics.PROFILES, NEIGHBOUR, profile(NEIGHBOUR, false, now));
        awaitCheckpointCovering(kafka, Topics.PROFILES, 2);
        send(producer, Topics.NOTICES, "cluster-1", notice("cluster-1", now));
        Waits.until(
            "the first notice's delivery",
            Duration.ofSeconds(60),
            () -> !deliveriesOf(kafka, "cluster-1").isEmpty());
        awaitCheckpointCovering(kafka, Topics.NOTICES, 1);

        long pid = flink.taskManagerPid(1);
        flink.killTaskManager(1);
        long killed = System.nanoTime();
        assertThat(ProcessHandle.of(pid)).as("the TaskManager's JVM is gone").isEmpty();
        Waits.until(
            "the JobManager writing off the killed TaskManager",
            Duration.ofSeconds(60),
            () -> !flink.registeredTaskManagers().contains(second));
        long writtenOff = System.nanoTime();
        int replacement = flink.startTaskManager();
        Waits.until(
            "the job restarted after the kill",
            Duration.ofSeconds(60),
            () -> flink.restarts(jobId) >= 1);
        flink.awaitRunning(jobId, Duration.ofMinutes(2));
        long recovered = System.nanoTime();
        assertThat(flink.registeredTaskManagers())
            .as("the survivor and the replacement, not the killed one")
            .containsExactlyInAnyOrder(first, FlinkSessionCluster.taskManagerId(replacement));

        send(producer, Topics.NOTICES, "cluster-2", notice("cluster-2", now));
        Waits.until(
            "the second notice's delivery, after the restart",
            Duration.ofSeconds(60),
            () -> !deliveriesOf(kafka, "cluster-2").isEmpty());

        // The second notice's delivery shows the pipeline has moved past the first notice.
        List<Delivery> firstDeliveries = deliveriesOf(kafka, "cluster-1");
        assertThat(firstDeliveries)
            .as(
                "the first notice went to the resident who consents to garbage notices, to no one"
                    + " else, and once: the restored checkpoint covered it, so it was not redone")
            .singleElement()
            .satisfies(
                d -> {
                  assertThat(d.residentId()).isEqualTo(SUBSCRIBER);
                  assertThat(d.channel()).isEqualTo(Channel.FEED_ONLY);
                });
        assertThat(deliveriesOf(kafka, "cluster-2"))
            .as("the profile read before the kill came back with the checkpoint's state")
            .extracting(Delivery::residentId)
            .containsOnly(SUBSCRIBER);
        System.out.printf(
            "[flink-session] cluster up in %d ms, job submitted and running in %d ms; after the"
                + " kill the TaskManager was written off in %d ms and the job ran again in %d ms"
                + " (replacement %s)%n",
            millis(t0, started),
            millis(started, submitted),
            millis(killed, writtenOff),
            millis(killed, recovered),
            FlinkSessionCluster.taskManagerId(replacement));
      }
    }
  }

  /**
   * Waits until a completed checkpoint covers the first {@code records} records of a topic: the
   * job's Kafka source commits a checkpoint's offsets to its group once it completes.
   */
  private static void awaitCheckpointCovering(KafkaBroker kafka, String topic, long records)
      throws InterruptedException {
    Waits.until(
        "a checkpoint covering " + records + " records of " + topic,
        Duration.ofSeconds(60),
        () -> kafka.committed(GROUP, topic) >= records);
  }

  private static ResidentProfile profile(String id, boolean consentsToGarbage, Instant now) {
    return new ResidentProfile(
        id,
        "072028",
        "栄町",
        null,
        1980,
        List.of(),
        List.of("ja"),
        null,
        Map.of(Category.GARBAGE, new Consent(consentsToGarbage, now)),
        null,
        "Asia/Tokyo",
        null,
        now);
  }

  private static Notice notice(String id, Instant now) {
    return new Notice(
        id,
        1,
        new Publisher("seiso", "清掃課", PublisherKind.DEPARTMENT),
        "072028",
        Category.GARBAGE,
        Map.of("ja", "ごみ収集日の変更"),
        Map.of(),
        null,
        null,
        new Validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))),
        Severity.INFO,
        NoticeStatus.PUBLISHED,
        new Audience.Everyone(),
        now);
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, Json.write(value))).get();
  }

  /** The deliveries of a notice on the deliveries topic now, read from its start. */
  private static List<Delivery> deliveriesOf(KafkaBroker kafka, String noticeId) {
    return TopicRecords.all(kafka.bootstrapServers(), Topics.DELIVERIES).stream()
        .map(record -> Json.read(record.value(), Delivery.class))
        .filter(delivery -> delivery.noticeId().equals(noticeId))
        .toList();
  }

  private static KafkaProducer<String, String> producer(KafkaBroker kafka) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static long millis(long from, long to) {
    return Duration.ofNanos(to - from).toMillis();
  }
}
