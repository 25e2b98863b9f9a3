package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst's calls on a real broker (no Elasticsearch: none of them reads it): the slots'
 * history kept on the API's own topic and rebuilt by a second instance, the comparison read from
 * both delivery topics by time, and a simulation run through its status URL.
 */
class AnalystsIT {
  static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z"); // 12:00 in Tokyo
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String NOWHERE = "http://127.0.0.1:" + Ports.free();
  static final Duration PATIENCE = Duration.ofSeconds(60);

  static final String RULES =
      """
      {"name":"aizu-winter","version":3,
       "weights":{"interest":3,"category":1,"recency":1,"distance":1,"affinity":2},
       "categoryWeights":{},"digestCategories":[],"pushThreshold":0.0,"dailyPushCap":2,
       "firmDailyPushCap":1,"digestTime":"18:00"}
      """;

  static final String NOTICE =
      """
      {"municipalityCode":"072028","category":"HEALTH","severity":"IMPORTANT",
       "title":{"ja":"健診のお知らせ"},"body":{"ja":"市民健診を行います。"},
       "validity":{"from":"2026-11-26T00:00:00Z","until":"2026-12-26T00:00:00Z"},
       "audience":{"type":"everyone"}}
      """;

  @TempDir static Path dir;
  static KafkaBroker kafka;
  static ApiInstance api;
  static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
    kafka.createTopics();
    api = ApiInstance.start(kafka.bootstrapServers(), NOWHERE, CLOCK);
    once(api, "/api/v1/rules", analyst(api, "ana-0")); // before it has read its topics, 503
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {producer, api, kafka}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing the rest matters more
      }
    }
  }

  private static String analyst(ApiInstance on, String id) {
    return on.tokens.token(id, "ANALYST", Map.of());
  }

  /** The answer once it is not a 503 (the instance still reading its topics), or the last one. */
  private static HttpResponse<String> once(ApiInstance on, String path, String token)
      throws Exception {
    var answer = new java.util.concurrent.atomic.AtomicReference<HttpResponse<String>>();
    Waits.until(
        path + " past the API's start (503)",
        PATIENCE,
        () -> {
          answer.set(on.send("GET", path, token, null));
          return answer.get().statusCode() != 503;
        });
    return answer.get();
  }

  @Test
  void aSecondInstanceRebuildsBothSlotsAndTheirHistoryFromTheTopics() throws Exception {
    var active = api.send("PUT", "/api/v1/rules/active", analyst(api, "ana-1"), RULES);
    var shadow =
        api.send(
            "PUT",
            "/api/v1/rules/shadow",
            analyst(api, "ana-2"),
            RULES.replace("\"version\":3", "\"version\":4"));
    assertThat(active.statusCode()).as(active.body()).isEqualTo(202);
    assertThat(shadow.statusCode()).as(shadow.body()).isEqualTo(202);
    String activeId = active.headers().firstValue("Kairan-Rules-Id").orElseThrow();
    var rolledBack =
        api.send(
            "POST",
            "/api/v1/rules/shadow/rollback",
            analyst(api, "ana-3"),
            "{\"id\":\"" + activeId + "\"}");
    assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(202);
    JsonNode first =
        Json.mapper().readTree(once(api, "/api/v1/rules", analyst(api, "ana-9")).body());

    try (ApiInstance second = ApiInstance.start(kafka.bootstrapServers(), NOWHERE, CLOCK)) {
      var read = once(second, "/api/v1/rules", analyst(second, "ana-9"));

      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      JsonNode rebuilt = Json.mapper().readTree(read.body());
      assertThat(rebuilt).isEqualTo(first);
      assertThat(rebuilt.at("/active/id").asText()).isEqualTo(activeId);
      assertThat(rebuilt.at("/active/publishedBy").asText()).isEqualTo("ana-1");
      assertThat(rebuilt.at("/shadowHistory/0/publishedBy").asText()).isEqualTo("ana-3");
      assertThat(rebuilt.at("/shadowHistory/0/rollbackOf").asText()).isEqualTo(activeId);
      assertThat(rebuilt.at("/shadowHistory/0/rules/version").asInt()).isEqualTo(3);
    }
    // What the job reads: the slot's key, a rule set of that slot; the entry's id in a header.
    List<ConsumerRecord<String, String>> onRules =
        TopicRecords.all(kafka.bootstrapServers(), Topics.RULES);
    ConsumerRecord<String, String> lastActive =
        onRules.stream().filter(r -> r.key().equals("active")).reduce((a, b) -> b).orElseThrow();
    RuleSet held = Json.read(lastActive.value(), RuleSet.class);
    assertThat(held.problems()).isEmpty();
    assertThat(held.slot().key()).isEqualTo("active");
    assertThat(
            new String(
                lastActive.headers().lastHeader("kairan-rules-id").value(), StandardCharsets.UTF_8))
        .isEqualTo(activeId);
  }

  private static Delivery delivery(String notice, int resident, Channel channel, Instant at) {
    String residentId = "it-r-" + resident;
    return new Delivery(
        DeliveryId.of(notice, 1, residentId),
        residentId,
        notice,
        1,
        Category.HEALTH,
        Severity.IMPORTANT,
        Map.of("ja", "お知らせ"),
        0.5,
        List.of(),
        "it/1",
        channel,
        at,
        at);
  }

  private static void write(String topic, Delivery d) {
    producer.send(
        new ProducerRecord<>(
            topic, null, d.decidedAt().toEpochMilli(), d.residentId(), Json.write(d)));
  }

  @Test
  void theComparisonReadsOnlyTheDeliveriesDecidedInTheWindowFromBothTopics() throws Exception {
    Instant before = Instant.parse("2026-11-25T20:00:00Z");
    Instant during = Instant.parse("2026-11-26T01:00:00Z");
    Instant after = Instant.parse("2026-11-26T03:30:00Z");
    // In the order decided, as the job writes them: before the window (other notices, which must
    // not be counted), in it, and after it.
    for (int r = 0; r < 12; r++) {
      write(Topics.DELIVERIES, delivery("early", r, Channel.DIGEST, before));
      write(Topics.SHADOW_DELIVERIES, delivery("early", r, Channel.DIGEST, before));
    }
    for (int r = 0; r < 12; r++) {
      write(Topics.DELIVERIES, delivery("in-window", r, Channel.PUSH_NOW, during));
      write(
          Topics.SHADOW_DELIVERIES,
          delivery("in-window", r, r < 10 ? Channel.DIGEST : Channel.PUSH_NOW, during));
    }
    for (int r = 0; r < 12; r++) {
      write(Topics.DELIVERIES, delivery("late", r, Channel.FEED_ONLY, after));
      write(Topics.SHADOW_DELIVERIES, delivery("late", r, Channel.FEED_ONLY, after));
    }
    producer.flush();

    var answer =
        api.send(
            "GET",
            "/api/v1/rules/comparison?from=2026-11-26T00:00:00Z&to=2026-11-26T03:00:00Z",
            analyst(api, "ana-1"),
            null);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode figures = Json.mapper().readTree(answer.body());
    assertThat(figures.at("/active/deliveries").asLong()).isEqualTo(12);
    assertThat(figures.at("/active/byCategoryAndChannel/0/channel").asText()).isEqualTo("PUSH_NOW");
    assertThat(figures.at("/shadow/deliveries").asLong()).isEqualTo(12);
    assertThat(figures.at("/channelChanged/residents").asLong()).isEqualTo(10);
    assertThat(figures.at("/channelChanged/compared").asLong()).isEqualTo(12);
    assertThat(answer.body()).doesNotContain("it-r-");
  }

  @Test
  void aSimulationRunsThroughItsStatusUrlOnTheResidentsAndNoticesTheApiHolds() throws Exception {
    for (int r = 0; r < 12; r++) {
      ResidentProfile p =
          new ResidentProfile(
              "sim-r-" + r,
              "072028",
              "北会津町",
              null,
              1980,
              List.of(),
              List.of("ja"),
              Set.of(),
              Map.of(Category.HEALTH, new Consent(true, NOW.minus(Duration.ofDays(30)))),
              null,
              "Asia/Tokyo",
              Set.of(),
              NOW);
      producer.send(new ProducerRecord<>(Topics.PROFILES, p.id(), Json.write(p)));
    }
    producer.flush();
    String city = api.publisher("dept-sim");
    for (int i = 0; i < 3; i++) {
      var posted = api.send("POST", "/api/v1/notices", city, NOTICE);
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }
    // The API has read the twelve residents once a preview counts them.
    Waits.until(
        "the twelve residents in the API's index",
        PATIENCE,
        () ->
            Json.mapper()
                    .readTree(api.send("POST", "/api/v1/notices/preview", city, NOTICE).body())
                    .path("residents")
                    .asLong()
                >= 12);

    var started =
        api.send(
            "POST",
            "/api/v1/rules/simulations",
            analyst(api, "ana-1"),
            "{\"rules\":" + RULES + ",\"days\":1}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    var statusNow =
        new java.util.concurrent.atomic.AtomicReference<JsonNode>(
            Json.mapper().readTree(started.body()));
    Waits.until(
        "the simulation done",
        PATIENCE,
        () -> {
          if (statusNow.get().path("state").asText().equals("RUNNING")) {
            statusNow.set(
                Json.mapper()
                    .readTree(api.send("GET", location, analyst(api, "ana-2"), null).body()));
          }
          return !statusNow.get().path("state").asText().equals("RUNNING");
        });
    JsonNode status = statusNow.get();

    assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.path("progress").asDouble()).isEqualTo(1.0);
    // Three important notices at 12:00 in Tokyo to twelve residents: a cap of 2 pushes two each
    // and sends the third to the digest.
    JsonNode candidate = status.at("/figures/candidate");
    assertThat(candidate.at("/deliveries").asLong()).isEqualTo(36);
    assertThat(candidate.at("/byCategoryAndChannel/0/channel").asText()).isEqualTo("PUSH_NOW");
    assertThat(candidate.at("/byCategoryAndChannel/0/deliveries").asLong()).isEqualTo(24);
    assertThat(candidate.at("/byCategoryAndChannel/1/channel").asText()).isEqualTo("DIGEST");
    assertThat(candidate.at("/byCategoryAndChannel/1/deliveries").asLong()).isEqualTo(12);
    assertThat(candidate.at("/pushesPerResidentPerDay/max").asInt()).isEqualTo(2);
    assertThat(status.at("/figures/residents").asLong()).isEqualTo(12);
  }
}
