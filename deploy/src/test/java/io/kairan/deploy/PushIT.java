package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import io.kairan.push.KairanPushApplication;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.push.fcmlocal.ReceivedMessage;
import io.kairan.push.token.DeviceRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The push service on a real broker and the real Admin SDK against the local FCM server. */
class PushIT {
  private static final int RESIDENTS = 2000;
  private static KafkaBroker kafka;
  private static LocalFcmServer fcm;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
    kafka.createTopics();
    fcm = LocalFcmServer.start(0);
    try (var producer = producer()) {
      for (int i = 0; i < RESIDENTS; i++) {
        var device =
            new Device("dev-" + i, "r-" + i, "tok-" + i, Platform.ANDROID, "ja", Instant.now());
        producer.send(new ProducerRecord<>(Topics.DEVICES, device.id(), Json.write(device)));
      }
    }
  }

  @AfterAll
  static void stop() {
    fcm.close();
    kafka.close();
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  private static ConfigurableApplicationContext pushService(String group, String... extra)
      throws InterruptedException {
    var args =
        new java.util.ArrayList<>(
            List.of(
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                // One poll holds every delivery: a stop falls in the middle of a batch.
                "--spring.kafka.consumer.max-poll-records=" + RESIDENTS,
                "--kairan.fcm.project-id=kairan-it",
                "--kairan.fcm.local-endpoint=" + fcm.endpoint()));
    args.addAll(List.of(extra));
    var context = KairanPushApplication.builder().run(args.toArray(String[]::new));
    DeviceRegistry devices = context.getBean(DeviceRegistry.class);
    Waits.until(
        "every device known",
        Duration.ofSeconds(60),
        () -> !devices.devicesOf("r-" + (RESIDENTS - 1)).isEmpty());
    return context;
  }

  private static Delivery delivery(String noticeId, int resident, Channel channel, Instant pushAt) {
    return new Delivery(
        DeliveryId.of(noticeId, 1, "r-" + resident),
        "r-" + resident,
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
        Instant.now());
  }

  private static void send(List<Delivery> deliveries) {
    try (var producer = producer()) {
      deliveries.forEach(
          d ->
              producer.send(
                  new ProducerRecord<>(Topics.DELIVERIES, d.residentId(), Json.write(d))));
    }
  }

  private static List<ReceivedMessage> received(String noticeId) {
    return fcm.received().stream().filter(m -> noticeId.equals(m.data().get("noticeId"))).toList();
  }

  @Test
  void aRestartInTheMiddleOfABatchNeitherLosesNorRepeatsAPush() throws Exception {
    fcm.delayEachRequest(Duration.ofMillis(15));
    var first = pushService("push-restart");
    send(
        java.util.stream.IntStream.range(0, RESIDENTS)
            .mapToObj(i -> delivery("n-flood", i, Channel.PUSH_NOW, Instant.now()))
            .toList());

    Waits.until(
        "the first chunk sent", Duration.ofSeconds(60), () -> received("n-flood").size() >= 600);
    first.close();
    int beforeRestart = received("n-flood").size();
    fcm.delayEachRequest(Duration.ZERO);
    var second = pushService("push-restart");
    try {
      Waits.until(
          "every device reached",
          Duration.ofSeconds(90),
          () -> received("n-flood").size() >= RESIDENTS);
      Waits.until("the replay settled", Duration.ofSeconds(5), () -> second.isRunning());

      Map<String, Long> perToken =
          received("n-flood").stream()
              .collect(Collectors.groupingBy(ReceivedMessage::token, Collectors.counting()));
      assertThat(beforeRestart).as("stopped mid-batch").isLessThan(RESIDENTS);
      assertThat(perToken).as("no device missed").hasSize(RESIDENTS);
      assertThat(perToken.values()).as("no device pushed twice").containsOnly(1L);
    } finally {
      second.close();
    }
  }

  @Test
  void aWithdrawnNoticeIsNotPushedAndAQuietHoursPushGoesOutWhenDue() throws Exception {
    var service = pushService("push-policy");
    try (var producer = producer()) {
      Instant now = Instant.now();
      Notice gone =
          new Notice(
              "n-gone",
              2,
              new Publisher("p", "p", PublisherKind.DEPARTMENT),
              "072028",
              Category.DISASTER,
              Map.of("ja", "t"),
              Map.of(),
              null,
              null,
              new Validity(now, now.plusSeconds(3600)),
              Severity.EMERGENCY,
              NoticeStatus.WITHDRAWN,
              new Audience.Everyone(),
              now);
      producer.send(new ProducerRecord<>(Topics.NOTICES, gone.id(), Json.write(gone))).get();
    }
    var book = service.getBean(io.kairan.push.state.NoticeBook.class);
    Waits.until("the withdrawal known", Duration.ofSeconds(30), () -> book.isWithdrawn("n-gone"));
    try {
      Instant due = Instant.now().plusSeconds(3);
      send(
          List.of(
              delivery("n-gone", 1, Channel.PUSH_NOW, Instant.now()),
              delivery("n-morning", 2, Channel.PUSH_AT, due),
              delivery("n-now", 3, Channel.PUSH_NOW, Instant.now())));

      Waits.until("the immediate push", Duration.ofSeconds(30), () -> !received("n-now").isEmpty());
      assertThat(received("n-morning")).as("not before it is due").isEmpty();
      Waits.until(
          "the scheduled push", Duration.ofSeconds(30), () -> !received("n-morning").isEmpty());
      assertThat(Instant.now()).isAfterOrEqualTo(due);
      assertThat(received("n-gone")).isEmpty();
    } finally {
      service.close();
    }
  }

  @Test
  void anEmergencyForWholeDistrictsGoesOutAsOneTopicMessagePerDistrict() throws Exception {
    Instant now = Instant.now();
    try (var producer = producer()) {
      // Residents r-1500 to r-1509 live in 湊町; they opted in with a profile.
      for (int i = 1500; i < 1510; i++) {
        var profile =
            new io.kairan.model.resident.ResidentProfile(
                "r-" + i,
                "072028",
                "湊町",
                null,
                1950,
                List.of(),
                List.of("ja"),
                java.util.Set.of(),
                Map.of(),
                null,
                "Asia/Tokyo",
                java.util.Set.of(),
                now);
        producer.send(new ProducerRecord<>(Topics.PROFILES, profile.id(), Json.write(profile)));
      }
      Notice quake =
          new Notice(
              "n-quake",
              1,
              new Publisher("bousai", "危機管理課", PublisherKind.DEPARTMENT),
              "072028",
              Category.DISASTER,
              Map.of("ja", "湊町に避難指示"),
              Map.of(),
              null,
              null,
              new Validity(now, now.plusSeconds(3600)),
              Severity.EMERGENCY,
              NoticeStatus.PUBLISHED,
              new Audience.InDistrict(List.of("湊町")),
              now);
      producer.send(new ProducerRecord<>(Topics.NOTICES, quake.id(), Json.write(quake))).get();
    }
    var service = pushService("push-topics", "--kairan.push.emergency-topics=true");
    try {
      var keeper = service.getBean(io.kairan.push.topic.SubscriptionKeeper.class);
      String minato = io.kairan.push.topic.DistrictTopics.of("072028", "湊町");
      Waits.until(
          "湊町's devices subscribed",
          Duration.ofSeconds(30),
          () ->
              java.util.stream.IntStream.range(1500, 1510)
                  .allMatch(i -> keeper.isSubscribed("tok-" + i, minato)));
      var book = service.getBean(io.kairan.push.state.NoticeBook.class);
      Waits.until(
          "the notice known", Duration.ofSeconds(30), () -> book.find("n-quake").isPresent());

      send(
          java.util.stream.IntStream.range(1500, 1510)
              .mapToObj(i -> delivery("n-quake", i, Channel.PUSH_NOW, now))
              .toList());

      Waits.until(
          "the topic message",
          Duration.ofSeconds(30),
          () ->
              fcm.topicMessages().stream()
                  .anyMatch(m -> "n-quake".equals(m.data().get("noticeId"))));
      var sent =
          fcm.topicMessages().stream()
              .filter(m -> "n-quake".equals(m.data().get("noticeId")))
              .toList();
      assertThat(sent)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.topic()).isEqualTo(minato);
                assertThat(m.subscribers()).isEqualTo(10);
              });
      assertThat(received("n-quake")).as("no per-device copies").isEmpty();
    } finally {
      service.close();
    }
  }

  @Test
  void anUnregisteredTokenIsRemovedAndARefusedMessageIsDeadLettered() throws Exception {
    fcm.failToken("tok-40", io.kairan.push.fcmlocal.FcmError.UNREGISTERED);
    fcm.failToken("tok-41", io.kairan.push.fcmlocal.FcmError.INVALID_ARGUMENT);
    var service = pushService("push-errors");
    try {
      send(
          List.of(
              delivery("n-errors", 40, Channel.PUSH_NOW, Instant.now()),
              delivery("n-errors", 41, Channel.PUSH_NOW, Instant.now())));

      DeviceRegistry devices = service.getBean(DeviceRegistry.class);
      Waits.until(
          "the unregistered device forgotten",
          Duration.ofSeconds(30),
          () -> devices.devicesOf("r-40").isEmpty());
      Waits.until(
          "the tombstone on devices.v1",
          Duration.ofSeconds(30),
          () ->
              records(Topics.DEVICES).stream()
                  .anyMatch(r -> r.key().equals("dev-40") && r.value() == null));
      Waits.until(
          "the refusal dead-lettered",
          Duration.ofSeconds(30),
          () ->
              records(Topics.deadLetter(Topics.DELIVERIES)).stream()
                  .anyMatch(r -> r.value().contains("INVALID_ARGUMENT")));
      assertThat(devices.devicesOf("r-41"))
          .as("a refused message is no reason to drop the token")
          .isNotEmpty();
    } finally {
      service.close();
    }
  }

  @Test
  void aDeletedResidentsDevicesAreRemovedEverywhere() throws Exception {
    var service = pushService("push-erase");
    try (var producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.PROFILES, "r-77", null)).get();

      DeviceRegistry devices = service.getBean(DeviceRegistry.class);
      Waits.until(
          "the device forgotten",
          Duration.ofSeconds(30),
          () -> devices.devicesOf("r-77").isEmpty());
      Waits.until(
          "the device tombstone",
          Duration.ofSeconds(30),
          () ->
              records(Topics.DEVICES).stream()
                  .anyMatch(r -> r.key().equals("dev-77") && r.value() == null));
    } finally {
      service.close();
    }
  }

  private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records(
      String topic) {
    return TopicRecords.all(kafka.bootstrapServers(), topic);
  }
}
