package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.deploy.elasticsearch.ElasticsearchServer;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's read model on a real broker and a real Elasticsearch, without the Flink job: the test
 * writes deliveries to deliveries.v1 as the job would, and notices through the API (or, for the
 * indexer's version rule, straight to notices.v1). Deleting a profile through the API erases the
 * resident's deliveries and no one else's; an older notice version never overwrites a newer one;
 * the feed shows each notice once, latest delivery first, in its current version.
 */
class ApiReadModelIT {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  static final String DRAFT = ApiWritePathIT.DRAFT;

  /** The notice indexer's consumer group: its listener id (Spring Kafka uses the id as group). */
  static final String NOTICE_INDEXER = "notice-indexer";

  static Path dir;
  static KafkaBroker kafka;
  static ElasticsearchServer elasticsearch;
  static ApiInstance api;
  static KafkaProducer<String, String> producer;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("kairan-read-model-it-");
    // Elasticsearch runs as another user and must reach its directory inside this one.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
    kafka.createTopics();
    elasticsearch =
        ElasticsearchServer.start(
            Path.of(System.getProperty("kairan.elasticsearch.home")),
            dir.resolve("elasticsearch"),
            Ports.free(),
            "512m");
    api =
        ApiInstance.start(
            kafka.bootstrapServers(), elasticsearch.url(), Clock.fixed(NOW, ZoneOffset.UTC));
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {producer, api, elasticsearch, kafka}) {
      if (c != null) {
        c.close();
      }
    }
    if (dir != null) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void write(String topic, String key, String json) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, json)).get();
  }

  /** A delivery as the job writes it: its id derived, the notice's titles, a reason. */
  private static Delivery delivery(String noticeId, int version, String residentId, Instant at) {
    return delivery(noticeId, version, residentId, at, Channel.FEED_ONLY);
  }

  private static Delivery delivery(
      String noticeId, int version, String residentId, Instant at, Channel channel) {
    String id = DeliveryId.of(noticeId, version, residentId);
    List<String> reasons = List.of("you live in 北会津町");
    return new Delivery(
        id,
        residentId,
        noticeId,
        version,
        Category.CHILDCARE,
        Severity.IMPORTANT,
        Map.of("ja", "児童手当の申請"),
        0.5,
        reasons,
        "builtin/1",
        channel,
        at,
        at);
  }

  private static String post(String publisherToken, String draft) throws Exception {
    var response = api.send("POST", "/api/v1/notices", publisherToken, draft);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ApiInstance.noticeIn(response).id();
  }

  /** The resident's feed: notice id and version of each item, in order. */
  private static List<String> feed(String residentId) throws Exception {
    var response = api.send("GET", "/api/v1/me/feed", api.tokens.resident(residentId), null);
    if (response.statusCode() != 200) {
      // Before the indexer's first batch there are no indices yet: 503, try again.
      throw new IllegalStateException(
          "feed answered " + response.statusCode() + ": " + response.body());
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : Json.mapper().readTree(response.body())) {
      items.add(item.path("noticeId").asText() + " v" + item.path("version").asInt());
    }
    return items;
  }

  private static JsonNode elasticsearch(String method, String path, String body) throws Exception {
    var request = ApiInstance.json(elasticsearch.url() + path, method, body).build();
    return Json.mapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private static long deliveriesOf(String residentId) throws Exception {
    return documentsOf("deliveries", residentId);
  }

  private static long documentsOf(String index, String residentId) throws Exception {
    return elasticsearch(
            "POST",
            "/" + index + "/_count",
            "{\"query\":{\"term\":{\"residentId\":\"" + residentId + "\"}}}")
        .path("count")
        .asLong(-1);
  }

  @Test
  void deletingAProfileErasesTheResidentsDeliveriesPushResultsAndFeedbackAndNoOneElses()
      throws Exception {
    String leaving = "r-leaving-" + UUID.randomUUID();
    String staying = "r-staying-" + UUID.randomUUID();
    String id = post(api.publisher("dept-1"), DRAFT);
    for (String resident : List.of(leaving, staying)) {
      write(Topics.DELIVERIES, resident, Json.write(delivery(id, 1, resident, NOW)));
      String deliveryId = DeliveryId.of(id, 1, resident);
      write(
          Topics.PUSH_RESULTS,
          deliveryId,
          Json.write(
              new PushResult(
                  deliveryId,
                  "device-" + resident,
                  resident,
                  id,
                  PushOutcome.SENT,
                  "m",
                  null,
                  NOW)));
      write(
          Topics.FEEDBACK,
          resident,
          Json.write(new Feedback(resident, id, FeedbackKind.OPENED, NOW)));
    }
    Waits.until(
        "both residents' feeds, push results and feedback in the read model",
        PATIENCE,
        () ->
            feed(leaving).equals(List.of(id + " v1"))
                && feed(staying).equals(List.of(id + " v1"))
                && documentsOf("push-results", leaving) == 1
                && documentsOf("push-results", staying) == 1
                && documentsOf("feedback", leaving) == 1
                && documentsOf("feedback", staying) == 1);

    var deleted = api.send("DELETE", "/api/v1/me/profile", api.tokens.resident(leaving), null);

    assertThat(deleted.statusCode()).isEqualTo(204);
    Waits.until(
        "the leaving resident's deliveries erased", PATIENCE, () -> deliveriesOf(leaving) == 0);
    assertThat(feed(leaving)).isEmpty();
    // Deliveries go last: once they are gone, so are the resident's push results and feedback.
    assertThat(documentsOf("push-results", leaving)).isZero();
    assertThat(documentsOf("feedback", leaving)).isZero();
    // The erasure is done (above): what it left is what it will leave.
    assertThat(deliveriesOf(staying)).isEqualTo(1);
    assertThat(documentsOf("push-results", staying)).isEqualTo(1);
    assertThat(documentsOf("feedback", staying)).isEqualTo(1);
    assertThat(feed(staying)).containsExactly(id + " v1");
  }

  @Test
  void theFiguresCountResidentsChannelsPushesAndFeedbackAndWithholdWhatSubtractionWouldGiveAway()
      throws Exception {
    String city = api.publisher("dept-1");
    String id = post(city, DRAFT);
    // 30 residents: 20 in their feed only, 10 pushed (13 pushes: 11 sent, 2 tokens invalid);
    // 12 opened it, 3 found it useful.
    for (int i = 0; i < 30; i++) {
      String resident = "r-figures-" + i + "-" + id;
      Channel channel = i < 20 ? Channel.FEED_ONLY : Channel.PUSH_NOW;
      write(Topics.DELIVERIES, resident, Json.write(delivery(id, 1, resident, NOW, channel)));
    }
    for (int i = 0; i < 13; i++) {
      String deliveryId = DeliveryId.of(id, 1, "r-figures-" + (20 + i % 10) + "-" + id);
      PushOutcome outcome = i < 11 ? PushOutcome.SENT : PushOutcome.INVALID_TOKEN;
      var result = new PushResult(deliveryId, "device-" + i, null, id, outcome, null, null, NOW);
      write(Topics.PUSH_RESULTS, deliveryId, Json.write(result));
    }
    for (int i = 0; i < 12; i++) {
      String resident = "r-figures-" + i + "-" + id;
      write(
          Topics.FEEDBACK,
          resident,
          Json.write(new Feedback(resident, id, FeedbackKind.OPENED, NOW)));
      if (i < 3) {
        write(
            Topics.FEEDBACK,
            resident,
            Json.write(new Feedback(resident, id, FeedbackKind.USEFUL, NOW)));
      }
    }
    // Opened twice by one resident: still one resident.
    String twice = "r-figures-0-" + id;
    write(Topics.FEEDBACK, twice, Json.write(new Feedback(twice, id, FeedbackKind.OPENED, NOW)));

    // The 2 invalid tokens alone would be 13 - 11: both push outcomes are withheld.
    String expected =
        ("{\"noticeId\":\"%s\",\"residents\":30,\"deliveries\":30,"
                + "\"byChannel\":{\"FEED_ONLY\":20,\"PUSH_NOW\":10},\"pushed\":13,"
                + "\"pushes\":{\"SENT\":null,\"INVALID_TOKEN\":null},\"opened\":12,"
                + "\"useful\":null,\"notInterested\":null,\"minimumGroup\":10}")
            .formatted(id);
    Waits.until(
        "the figures of all 30 deliveries, 13 pushes and 16 pieces of feedback",
        PATIENCE,
        () ->
            Json.mapper()
                .readTree(api.send("GET", "/api/v1/notices/" + id + "/figures", city, null).body())
                .equals(Json.mapper().readTree(expected)));
  }

  @Test
  void anOlderVersionOfANoticeArrivingLaterLeavesTheNewerOneInPlace() throws Exception {
    String id = "n-" + UUID.randomUUID();
    write(Topics.NOTICES, id, noticeJson(id, 2, "第2版"));
    write(Topics.NOTICES, id, noticeJson(id, 1, "第1版"));
    long written = TopicRecords.all(kafka.bootstrapServers(), Topics.NOTICES).size();

    // The indexer commits a batch once Elasticsearch took it: past both versions, it has seen them.
    try {
      Waits.until(
          "the indexer past both versions",
          PATIENCE,
          () -> kafka.committed(NOTICE_INDEXER, Topics.NOTICES) >= written);
    } catch (IllegalStateException e) {
      throw new AssertionError(
          "committed "
              + kafka.committed(NOTICE_INDEXER, Topics.NOTICES)
              + " of "
              + written
              + "; the index has "
              + elasticsearch("GET", "/notices/_doc/" + id, null),
          e);
    }

    JsonNode doc = elasticsearch("GET", "/notices/_doc/" + id, null);
    assertThat(doc.path("_version").asLong()).isEqualTo(2);
    assertThat(doc.at("/_source/title/ja").asText()).isEqualTo("第2版");
  }

  /** A notice as another producer (ingest) writes it on notices.v1. */
  private static String noticeJson(String id, int version, String title) {
    return """
        {"id":"%s","version":%d,"publisher":{"id":"ingest-1","name":"会津若松市","kind":"DEPARTMENT"},
         "municipalityCode":"072028","category":"CHILDCARE","title":{"ja":"%s"},"body":{},
         "validity":{"from":"2026-11-25T00:00:00Z","until":"2026-12-26T00:00:00Z"},
         "severity":"IMPORTANT","status":"%s","audience":{"type":"everyone"},
         "publishedAt":"2026-11-26T03:00:00Z"}
        """
        .formatted(id, version, title, version == 1 ? "PUBLISHED" : "UPDATED");
  }

  @Test
  void theFeedShowsEachNoticeOnceLatestDeliveryFirstInItsCurrentVersion() throws Exception {
    String resident = "r-feed-" + UUID.randomUUID();
    String city = api.publisher("dept-1");
    String a = post(city, DRAFT);
    String b = post(city, DRAFT.replace("児童手当の申請", "予防接種のお知らせ"));
    write(
        Topics.DELIVERIES,
        resident,
        Json.write(delivery(a, 1, resident, NOW.minus(Duration.ofHours(3)))));
    write(
        Topics.DELIVERIES,
        resident,
        Json.write(delivery(b, 1, resident, NOW.minus(Duration.ofHours(2)))));
    Waits.until("b, then a", PATIENCE, () -> feed(resident).equals(List.of(b + " v1", a + " v1")));

    // A new version of a, delivered after b: a moves up, once, in its new version.
    var updated =
        api.send(
            "PUT", "/api/v1/notices/" + a, city, DRAFT.replace("申請", "手続き"), "If-Match", "\"1\"");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    write(
        Topics.DELIVERIES,
        resident,
        Json.write(delivery(a, 2, resident, NOW.minus(Duration.ofHours(1)))));
    Waits.until(
        "a v2, then b", PATIENCE, () -> feed(resident).equals(List.of(a + " v2", b + " v1")));

    // A silent update (no new delivery) shows in place; a withdrawn notice is gone.
    var silent =
        api.send(
            "PUT", "/api/v1/notices/" + a, city, DRAFT.replace("申請", "届出"), "If-Match", "\"2\"");
    assertThat(silent.statusCode()).as(silent.body()).isEqualTo(200);
    Waits.until(
        "a v3, then b", PATIENCE, () -> feed(resident).equals(List.of(a + " v3", b + " v1")));
    assertThat(api.send("POST", "/api/v1/notices/" + b + "/withdraw", city, null).statusCode())
        .isEqualTo(200);
    Waits.until("a alone", PATIENCE, () -> feed(resident).equals(List.of(a + " v3")));
  }
}
