package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.ChildProcess;
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
import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.push.KairanPushApplication;
import io.kairan.push.fcmlocal.FcmError;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.push.fcmlocal.ReceivedMessage;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.DistrictTopics;
import io.kairan.push.topic.SubscriptionKeeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The push service on a real broker and the real Admin SDK against the local FCM server. Each test
 * has its own FCM server, its own consumer group starting at the current end of deliveries.v1, its
 * own notices, and its own devices wherever it changes them; the only shared fixture is the
 * read-only set of flood and marker devices. "Nobody else got it" (and "nobody missed") is asserted
 * only after a marker delivery on every partition went out behind the deliveries under test and the
 * test's consumer group committed its offsets past the markers.
 */
class PushIT {
  private static final int FLOOD = 2000;
  private static final int CHUNK = 500;
  private static KafkaBroker kafka;
  private static int partitions;

  /** This test's tag in notice, resident and device ids. */
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private LocalFcmServer fcm;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
    kafka.createTopics();
    try (var admin = kafka.admin()) {
      partitions =
          admin
              .describeTopics(List.of(Topics.DELIVERIES))
              .allTopicNames()
              .get()
              .get(Topics.DELIVERIES)
              .partitions()
              .size();
    }
    List<Device> shared = new ArrayList<>();
    IntStream.range(0, FLOOD).forEach(i -> shared.add(device("flood-" + i)));
    shared.add(device("marker"));
    devices(shared);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @BeforeEach
  void startFcm() throws Exception {
    fcm = LocalFcmServer.start(0);
  }

  @AfterEach
  void stopFcm() {
    fcm.close();
  }

  /** Device dev-X of resident r-X with token tok-X. */
  private static Device device(String x) {
    return new Device(
        "dev-" + x,
        "r-" + x,
        "tok-" + x,
        Platform.ANDROID,
        "ja",
        Instant.parse("2026-11-01T00:00:00Z"));
  }

  private static void devices(List<Device> devices) throws Exception {
    try (var producer = producer()) {
      for (Device d : devices) {
        producer.send(new ProducerRecord<>(Topics.DEVICES, d.id(), Json.write(d)));
      }
      producer.flush();
    }
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  /** The push service's arguments for a consumer group and this test's FCM server. */
  private List<String> arguments(String group, String... extra) {
    var args =
        new ArrayList<>(
            List.of(
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                // One poll holds every delivery: a stop falls in the middle of a batch.
                "--spring.kafka.consumer.max-poll-records=" + FLOOD,
                // A killed instance leaves the group after 6 s, not the default 45 s.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--kairan.fcm.project-id=kairan-it",
                "--kairan.fcm.local-endpoint=" + fcm.endpoint()));
    args.addAll(List.of(extra));
    return args;
  }

  /**
   * A new consumer group that starts at the current end of deliveries.v1, so the service sees only
   * what this test sends.
   */
  private String groupAtEnd(String name) throws Exception {
    String group = name + "-" + run;
    try (var admin = kafka.admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      deliveryPartitions().forEach(p -> latest.put(p, OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((p, info) -> start.put(p, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(group, start).all().get();
    }
    return group;
  }

  private static List<TopicPartition> deliveryPartitions() {
    return IntStream.range(0, partitions)
        .mapToObj(p -> new TopicPartition(Topics.DELIVERIES, p))
        .toList();
  }

  /** The end of deliveries.v1, summed over partitions. */
  private static long deliveriesEnd() throws Exception {
    try (var admin = kafka.admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      deliveryPartitions().forEach(p -> latest.put(p, OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(i -> i.offset())
          .sum();
    }
  }

  private ConfigurableApplicationContext pushService(
      String group, Collection<String> residents, String... extra) throws InterruptedException {
    return pushService(group, Clock.systemUTC(), residents, extra);
  }

  /** The service in this JVM, on the given clock; returns once it knows the residents' devices. */
  private ConfigurableApplicationContext pushService(
      String group, Clock clock, Collection<String> residents, String... extra)
      throws InterruptedException {
    List<String> args = arguments(group, extra);
    args.add("--server.port=0");
    var context =
        KairanPushApplication.builder()
            .initializers(
                c -> ((GenericApplicationContext) c).registerBean(Clock.class, () -> clock))
            .run(args.toArray(String[]::new));
    DeviceRegistry devices = context.getBean(DeviceRegistry.class);
    Waits.until(
        "the residents' devices known",
        Duration.ofSeconds(60),
        () -> residents.stream().noneMatch(r -> devices.devicesOf(r).isEmpty()));
    return context;
  }

  private static Delivery delivery(String noticeId, String resident, Channel channel, Instant at) {
    return delivery(noticeId, resident, channel, at, at);
  }

  private static Delivery delivery(
      String noticeId, String resident, Channel channel, Instant pushAt, Instant decidedAt) {
    return new Delivery(
        DeliveryId.of(noticeId, 1, resident),
        resident,
        noticeId,
        1,
        Category.DISASTER,
        Severity.EMERGENCY,
        Map.of("ja", "避難指示 " + noticeId),
        1.0,
        List.of("you live in 湊町"),
        "builtin-1",
        channel,
        pushAt,
        decidedAt);
  }

  private static void send(List<Delivery> deliveries) {
    try (var producer = producer()) {
      deliveries.forEach(
          d ->
              producer.send(
                  new ProducerRecord<>(Topics.DELIVERIES, d.residentId(), Json.write(d))));
    }
  }

  private List<Delivery> flood(String noticeId) {
    return IntStream.range(0, FLOOD)
        .mapToObj(i -> delivery(noticeId, "r-flood-" + i, Channel.PUSH_NOW, Instant.now()))
        .toList();
  }

  private static List<String> floodResidents() {
    List<String> residents = new ArrayList<>();
    IntStream.range(0, FLOOD).forEach(i -> residents.add("r-flood-" + i));
    residents.add("r-marker");
    return residents;
  }

  private List<ReceivedMessage> received(String noticeId) {
    return fcm.received().stream().filter(m -> noticeId.equals(m.data().get("noticeId"))).toList();
  }

  private Map<String, Long> perToken(String noticeId) {
    return received(noticeId).stream()
        .collect(Collectors.groupingBy(ReceivedMessage::token, Collectors.counting()));
  }

  /**
   * Sends a marker delivery behind everything else on every partition of deliveries.v1 and waits
   * until each was pushed and the group committed its offsets past them: the service has then
   * handled every delivery sent before. A pushed marker alone proves less: one poll spans the
   * partitions and is sent in chunks whose messages go out concurrently, so a marker can reach FCM
   * while pushes of the same poll, in its chunk or a later one, are still on their way. The group
   * commits a poll only once all of its pushes were answered and their results written, and the
   * local FCM server records a push before it answers.
   */
  private void settle(String group) throws Exception {
    String marker = "n-marker-" + UUID.randomUUID();
    try (var producer = producer()) {
      for (int p = 0; p < partitions; p++) {
        Delivery d = delivery(marker + "-" + p, "r-marker", Channel.PUSH_NOW, Instant.now());
        producer
            .send(new ProducerRecord<>(Topics.DELIVERIES, p, d.residentId(), Json.write(d)))
            .get();
      }
    }
    Waits.until(
        "a marker pushed behind the deliveries on every partition",
        Duration.ofSeconds(60),
        () -> IntStream.range(0, partitions).allMatch(p -> !received(marker + "-" + p).isEmpty()));
    long end = deliveriesEnd();
    Waits.until(
        "the offsets committed behind the markers",
        Duration.ofSeconds(60),
        () -> kafka.committed(group, Topics.DELIVERIES) >= end);
  }

  @Test
  void aGracefulStopInTheMiddleOfABatchNeitherLosesNorRepeatsAPush() throws Exception {
    String notice = "n-graceful-" + run;
    String group = groupAtEnd("push-graceful");
    fcm.delayEachRequest(Duration.ofMillis(15));
    var first = pushService(group, floodResidents());
    send(flood(notice));

    Waits.until(
        "the first chunk sent", Duration.ofSeconds(60), () -> received(notice).size() >= 600);
    first.close();
    int beforeRestart = received(notice).size();
    fcm.delayEachRequest(Duration.ZERO);
    var second = pushService(group, floodResidents());
    try {
      settle(group);

      assertThat(beforeRestart).as("stopped mid-batch").isLessThan(FLOOD);
      assertThat(perToken(notice)).as("no device missed").hasSize(FLOOD);
      assertThat(perToken(notice).values()).as("no device pushed twice").containsOnly(1L);
    } finally {
      second.close();
    }
  }

  @Test
  void anAbruptKillInTheMiddleOfABatchResendsAtMostOneChunk(@TempDir Path dir) throws Exception {
    String notice = "n-killed-" + run;
    String group = groupAtEnd("push-killed");
    fcm.delayEachRequest(Duration.ofMillis(15));
    Process first = childService(group, dir.resolve("push.log"));
    try {
      send(flood(notice));
      Waits.until(
          "the first chunk sent", Duration.ofSeconds(90), () -> received(notice).size() >= 600);
    } finally {
      first.destroyForcibly(); // kill -9: the chunk in flight has no results, its poll no commit
      first.waitFor();
    }
    int beforeKill = received(notice).size();
    fcm.delayEachRequest(Duration.ZERO);
    var second = pushService(group, floodResidents());
    try {
      settle(group);

      Map<String, Long> perToken = perToken(notice);
      long repeated = perToken.values().stream().filter(n -> n > 1).count();
      assertThat(beforeKill).as("killed mid-batch").isLessThan(FLOOD);
      assertThat(perToken).as("no device missed").hasSize(FLOOD);
      assertThat(perToken.values()).as("nobody pushed three times").allMatch(n -> n <= 2);
      assertThat(repeated)
          .as("at most the chunk in flight is sent again")
          .isLessThanOrEqualTo(CHUNK);
      assertThat(received(notice)).hasSize(FLOOD + (int) repeated);
    } finally {
      second.close();
    }
  }

  /** The service in a JVM of its own, to be killed; returns once it answers on HTTP. */
  private Process childService(String group, Path log) throws Exception {
    int port = Ports.free();
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaExecutable());
    command.add("-cp");
    command.add(ChildProcess.classpath());
    command.add(KairanPushApplication.class.getName());
    command.addAll(arguments(group));
    command.add("--server.port=" + port);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    Waits.until(
        "the push service up (log: " + log + ")",
        Duration.ofSeconds(90),
        () ->
            process.isAlive()
                && http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    return process;
  }

  @Test
  void resultsTheBrokerRefusesLeaveTheOffsetsUncommittedAndAreWrittenLaterWithoutAnotherPush()
      throws Exception {
    String notice = "n-refused-" + run;
    String group = groupAtEnd("push-refused");
    long start = deliveriesEnd();
    List<Delivery> three =
        IntStream.range(0, 3)
            .mapToObj(i -> delivery(notice, "r-flood-" + i, Channel.PUSH_NOW, Instant.now()))
            .toList();
    var service = pushService(group, floodResidents());
    try {
      resultsTopicTakesAtMost(100); // every push result is larger: the broker refuses it
      try (var producer = producer()) { // one partition, one poll
        for (Delivery d : three) {
          producer.send(new ProducerRecord<>(Topics.DELIVERIES, 0, d.residentId(), Json.write(d)));
        }
      }

      ResultRecorder recorder = service.getBean(ResultRecorder.class);
      Waits.until(
          "the pushes sent and their results refused",
          Duration.ofSeconds(30),
          () -> received(notice).size() == 3 && recorder.unwrittenCount() == 3);
      assertThat(kafka.committed(group, Topics.DELIVERIES))
          .as("nothing committed while the results are not written")
          .isEqualTo(start);
      assertThat(results(notice)).isEmpty();

      resultsTopicTakesAtMost(null);
      Waits.until("the results written", Duration.ofSeconds(60), () -> results(notice).size() == 3);
      settle(group);
      Waits.until(
          "the offsets committed to the end",
          Duration.ofSeconds(30),
          () -> kafka.committed(group, Topics.DELIVERIES) == deliveriesEnd());
      assertThat(perToken(notice))
          .as("written again, not pushed again")
          .isEqualTo(Map.of("tok-flood-0", 1L, "tok-flood-1", 1L, "tok-flood-2", 1L));
    } finally {
      resultsTopicTakesAtMost(null);
      service.close();
    }
  }

  /** Sets push-results.v1's max.message.bytes, or removes the setting. */
  private static void resultsTopicTakesAtMost(Integer bytes) throws Exception {
    try (var admin = kafka.admin()) {
      var entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes));
      var op =
          new AlterConfigOp(
              entry, bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
      admin
          .incrementalAlterConfigs(
              Map.of(
                  new ConfigResource(ConfigResource.Type.TOPIC, Topics.PUSH_RESULTS), List.of(op)))
          .all()
          .get();
    }
  }

  private static List<ConsumerRecord<String, String>> results(String noticeId) {
    return records(Topics.PUSH_RESULTS).stream()
        .filter(r -> r.value() != null && r.value().contains("\"noticeId\":\"" + noticeId + "\""))
        .toList();
  }

  @Test
  void aWithdrawnNoticeIsNotPushedAndAQuietHoursPushGoesOutWhenDue() throws Exception {
    String gone = "n-gone-" + run;
    String morning = "n-morning-" + run;
    String now = "n-now-" + run;
    String group = groupAtEnd("push-policy");
    var service = pushService(group, floodResidents());
    try (var producer = producer()) {
      Instant t = Instant.now();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.NOTICES,
                  gone,
                  Json.write(notice(gone, 2, NoticeStatus.WITHDRAWN, new Audience.Everyone(), t))))
          .get();
    }
    var book = service.getBean(NoticeBook.class);
    Waits.until("the withdrawal known", Duration.ofSeconds(30), () -> book.isWithdrawn(gone));
    try {
      Instant due = Instant.now().plusSeconds(3);
      send(
          List.of(
              delivery(gone, "r-flood-1", Channel.PUSH_NOW, Instant.now()),
              delivery(morning, "r-flood-2", Channel.PUSH_AT, due, Instant.now()),
              delivery(now, "r-flood-3", Channel.PUSH_NOW, Instant.now())));

      Waits.until("the immediate push", Duration.ofSeconds(30), () -> !received(now).isEmpty());
      assertThat(received(morning)).as("not before it is due").isEmpty();
      Waits.until("the scheduled push", Duration.ofSeconds(30), () -> !received(morning).isEmpty());
      assertThat(Instant.now()).isAfterOrEqualTo(due);
      settle(group);
      assertThat(received(gone)).isEmpty();
    } finally {
      service.close();
    }
  }

  @Test
  void scheduledPushesOfTheLast26HoursAreReadAgainAtStart() throws Exception {
    // The service's clock is two days behind; times below are on that clock.
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(-2));
    Instant now = clock.instant();
    String within = "n-within-" + run;
    String beyond = "n-beyond-" + run;
    Delivery older = delivery(beyond, "r-flood-5", Channel.PUSH_AT, now.plusSeconds(1), now);
    Delivery recent = delivery(within, "r-flood-6", Channel.PUSH_AT, now.plusSeconds(4), now);
    try (var producer = producer()) {
      for (var written :
          List.of(
              Map.entry(older, now.minus(Duration.ofHours(27))),
              Map.entry(recent, now.minus(Duration.ofHours(25))))) {
        Delivery d = written.getKey();
        producer
            .send(
                new ProducerRecord<>(
                    Topics.DELIVERIES,
                    null,
                    written.getValue().toEpochMilli(),
                    d.residentId(),
                    Json.write(d)))
            .get();
      }
    }
    // The group starts after them: only the re-read at start can find them.
    var service = pushService(groupAtEnd("push-reread"), clock, floodResidents());
    try {
      Waits.until(
          "the push written 25 hours ago",
          Duration.ofSeconds(30),
          () -> !received(within).isEmpty());

      assertThat(received(beyond))
          .as("written 27 hours ago, and due before the other: would have gone first")
          .isEmpty();
    } finally {
      service.close();
    }
  }

  @Test
  void anEmergencyForWholeDistrictsGoesOutAsOneTopicMessagePerDistrict() throws Exception {
    String quake = "n-quake-" + run;
    List<String> residents = new ArrayList<>();
    List<Device> phones = new ArrayList<>();
    Instant now = Instant.now();
    try (var producer = producer()) {
      for (int i = 0; i < 10; i++) {
        Device phone = device("topic-" + run + "-" + i);
        phones.add(phone);
        residents.add(phone.residentId());
        var profile =
            new ResidentProfile(
                phone.residentId(),
                "072028",
                "湊町",
                null,
                1950,
                List.of(),
                List.of("ja"),
                Set.of(),
                Map.of(),
                null,
                "Asia/Tokyo",
                Set.of(),
                now);
        producer.send(new ProducerRecord<>(Topics.PROFILES, profile.id(), Json.write(profile)));
      }
      producer
          .send(
              new ProducerRecord<>(
                  Topics.NOTICES,
                  quake,
                  Json.write(
                      notice(
                          quake,
                          1,
                          NoticeStatus.PUBLISHED,
                          new Audience.InDistrict(List.of("湊町")),
                          now))))
          .get();
    }
    devices(phones);
    residents.add("r-marker");
    String group = groupAtEnd("push-topics");
    var service = pushService(group, residents, "--kairan.push.emergency-topics=true");
    try {
      var keeper = service.getBean(SubscriptionKeeper.class);
      String minato = DistrictTopics.of("072028", "湊町", "ja");
      Waits.until(
          "湊町's devices subscribed",
          Duration.ofSeconds(30),
          () -> phones.stream().allMatch(p -> keeper.isSubscribed(p.token(), minato)));
      var book = service.getBean(NoticeBook.class);
      Waits.until("the notice known", Duration.ofSeconds(30), () -> book.find(quake).isPresent());

      send(
          phones.stream()
              .map(p -> delivery(quake, p.residentId(), Channel.PUSH_NOW, now))
              .toList());
      settle(group);

      assertThat(fcm.topicMessages())
          .filteredOn(m -> quake.equals(m.data().get("noticeId")))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.topic()).isEqualTo(minato);
                assertThat(m.subscribers()).as("湊町's ten devices").isEqualTo(10);
              });
      assertThat(received(quake)).as("no per-device copies").isEmpty();
    } finally {
      service.close();
    }
  }

  @Test
  void anUnregisteredTokenIsRemovedAndARefusedMessageIsDeadLettered() throws Exception {
    String notice = "n-errors-" + run;
    Device gone = device("gone-" + run);
    Device refused = device("refused-" + run);
    devices(List.of(gone, refused));
    fcm.failToken(gone.token(), FcmError.UNREGISTERED);
    fcm.failToken(refused.token(), FcmError.INVALID_ARGUMENT);
    String group = groupAtEnd("push-errors");
    var service = pushService(group, List.of(gone.residentId(), refused.residentId(), "r-marker"));
    try {
      Delivery toRefused = delivery(notice, refused.residentId(), Channel.PUSH_NOW, Instant.now());
      send(
          List.of(delivery(notice, gone.residentId(), Channel.PUSH_NOW, Instant.now()), toRefused));

      DeviceRegistry devices = service.getBean(DeviceRegistry.class);
      Waits.until(
          "the unregistered device forgotten",
          Duration.ofSeconds(30),
          () -> devices.devicesOf(gone.residentId()).isEmpty());
      Waits.until(
          "the tombstone on devices.v1",
          Duration.ofSeconds(30),
          () ->
              records(Topics.DEVICES).stream()
                  .anyMatch(r -> r.key().equals(gone.id()) && r.value() == null));
      Waits.until(
          "the refusal dead-lettered",
          Duration.ofSeconds(30),
          () ->
              records(Topics.deadLetter(Topics.DELIVERIES)).stream()
                  .anyMatch(
                      r ->
                          r.key().equals(toRefused.id())
                              && r.value().contains("INVALID_ARGUMENT")));
      settle(group);
      assertThat(devices.devicesOf(refused.residentId()))
          .as("a refused message is no reason to drop the token")
          .isNotEmpty();
      assertThat(fcm.requestsTo(refused.token())).as("a refusal is not retried").hasSize(1);
    } finally {
      service.close();
    }
  }

  @Test
  void aDeletedResidentsDevicesAreRemovedEverywhere() throws Exception {
    Device phone = device("erase-" + run);
    devices(List.of(phone));
    var service = pushService(groupAtEnd("push-erase"), List.of(phone.residentId()));
    try (var producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.PROFILES, phone.residentId(), null)).get();

      DeviceRegistry devices = service.getBean(DeviceRegistry.class);
      Waits.until(
          "the device forgotten",
          Duration.ofSeconds(30),
          () -> devices.devicesOf(phone.residentId()).isEmpty());
      Waits.until(
          "the device tombstone",
          Duration.ofSeconds(30),
          () ->
              records(Topics.DEVICES).stream()
                  .anyMatch(r -> r.key().equals(phone.id()) && r.value() == null));
    } finally {
      service.close();
    }
  }

  private static Notice notice(
      String id, int version, NoticeStatus status, Audience audience, Instant at) {
    return new Notice(
        id,
        version,
        new Publisher("bousai", "危機管理課", PublisherKind.DEPARTMENT),
        "072028",
        Category.DISASTER,
        Map.of("ja", "避難指示"),
        Map.of(),
        null,
        null,
        new Validity(at, at.plusSeconds(3600)),
        Severity.EMERGENCY,
        status,
        audience,
        at);
  }

  private static List<ConsumerRecord<String, String>> records(String topic) {
    return TopicRecords.all(kafka.bootstrapServers(), topic);
  }
}
