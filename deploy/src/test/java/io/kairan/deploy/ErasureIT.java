package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * APPI erasure on the real broker, Elasticsearch and API (the job's part, dropping its state on the
 * profile's tombstone, is the recommender's tests'): a resident who opted in, registered a device,
 * withdrew a consent, was delivered a notice, pushed and gave feedback exports all of it, leaves
 * with DELETE /api/v1/me, and then nothing of them is found in any store — Elasticsearch's three
 * indices, the API's books (and those of an API started afterwards from the topics), the compacted
 * topics' latest records — while another resident's data all stays. The log topics that name
 * residents were created with the stated 30-day retention.
 */
class ErasureIT {
  static final Duration PATIENCE = Duration.ofSeconds(90);
  static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  static final String NOTICE = "n-erasure";
  static final String PROFILE =
      """
      {"municipalityCode":"072028","district":"湊町","birthYear":1950,"languages":["ja","en"],
       "consents":{"HEALTH":{"granted":true,"at":"2026-11-01T00:00:00Z"},
                   "DISASTER":{"granted":true,"at":"2026-11-01T00:00:00Z"}}}
      """;

  static ReadModelStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = ReadModelStack.start("erasure-it", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  /** Calls the stack's API as the resident; the answer's status must be {@code status}. */
  private static String as(String resident, String method, String path, String body, int status)
      throws Exception {
    var response = stack.api.send(method, path, stack.api.tokens.resident(resident), body);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return response.body();
  }

  /** What a resident leaves behind over a day of use: through the API and as job and push write. */
  private static void aDayOf(String resident) throws Exception {
    as(resident, "PUT", "/api/v1/me/profile", PROFILE, 200);
    as(
        resident,
        "POST",
        "/api/v1/me/devices",
        "{\"token\":\"fcm-token-of-" + resident + "\",\"platform\":\"ANDROID\",\"locale\":\"ja\"}",
        201);
    as(resident, "POST", "/api/v1/me/consents/HEALTH/withdraw", null, 200);
    String deliveryId = DeliveryId.of(NOTICE, 1, resident);
    stack.write(
        Topics.DELIVERIES,
        resident,
        Json.write(
            new Delivery(
                deliveryId,
                resident,
                NOTICE,
                1,
                Category.DISASTER,
                Severity.IMPORTANT,
                Map.of("ja", "避難所の開設"),
                0.7,
                List.of("you live in 湊町"),
                "builtin/1",
                Channel.PUSH_NOW,
                NOW,
                NOW)));
    stack.write(
        Topics.PUSH_RESULTS,
        deliveryId,
        Json.write(
            new PushResult(
                deliveryId,
                "device-" + resident,
                resident,
                NOTICE,
                PushOutcome.SENT,
                "m",
                null,
                NOW)));
    stack.write(
        Topics.FEEDBACK,
        resident,
        Json.write(new Feedback(resident, NOTICE, FeedbackKind.OPENED, NOW)));
  }

  private static java.net.http.HttpResponse<String> call(
      ApiInstance api, String resident, String path) throws Exception {
    return api.send("GET", path, api.tokens.resident(resident), null);
  }

  private static long documentsOf(String index, String resident) throws Exception {
    return stack
        .elasticsearch(
            "POST",
            "/" + index + "/_count",
            "{\"query\":{\"term\":{\"residentId\":\"" + resident + "\"}}}")
        .path("count")
        .asLong(-1);
  }

  private static boolean allIndexed(String resident) throws Exception {
    return documentsOf("deliveries", resident) == 1
        && documentsOf("push-results", resident) == 1
        && documentsOf("feedback", resident) == 1;
  }

  /** The latest record per key of a topic, as compaction will keep it (null: a tombstone). */
  private static Map<String, String> latest(String topic) {
    Map<String, String> latest = new HashMap<>();
    for (ConsumerRecord<String, String> r :
        TopicRecords.all(stack.kafka.bootstrapServers(), topic)) {
      latest.put(r.key(), r.value());
    }
    return latest;
  }

  @Test
  void anErasedResidentIsFoundInNoStoreAndAnotherResidentsDataAllStays() throws Exception {
    String leaving = "r-leaving";
    String staying = "r-staying";
    aDayOf(leaving);
    aDayOf(staying);
    Waits.until(
        "both residents' deliveries, push outcomes and feedback indexed",
        PATIENCE,
        () -> allIndexed(leaving) && allIndexed(staying));

    // The export holds all of it.
    JsonNode export = Json.mapper().readTree(as(leaving, "GET", "/api/v1/me/export", null, 200));
    assertThat(export.path("profile").path("id").asText()).isEqualTo(leaving);
    assertThat(export.path("consentHistory").size()).as("2 given, 1 withdrawn").isEqualTo(3);
    assertThat(export.path("devices").get(0).path("token").asText())
        .isEqualTo("fcm-token-of-" + leaving);
    assertThat(export.path("deliveries").get(0).path("id").asText())
        .isEqualTo(DeliveryId.of(NOTICE, 1, leaving));
    assertThat(export.path("pushOutcomes").get(0).path("outcome").asText()).isEqualTo("SENT");
    assertThat(export.path("feedback").get(0).path("kind").asText()).isEqualTo("OPENED");
    String leavingDevice = export.path("devices").get(0).path("id").asText();

    JsonNode erased = Json.mapper().readTree(as(leaving, "DELETE", "/api/v1/me", null, 202));
    assertThat(erased.path("removedDevices").get(0).asText()).isEqualTo(leavingDevice);
    assertThat(erased.path("logTopicsKeepUntil").asText()).isEqualTo("2026-12-26T03:00:00Z");

    // Elasticsearch: deliveries are erased last, so once they are gone the erasure is done.
    Waits.until(
        "the leaving resident's deliveries erased",
        PATIENCE,
        () -> documentsOf("deliveries", leaving) == 0);
    assertThat(documentsOf("push-results", leaving)).isZero();
    assertThat(documentsOf("feedback", leaving)).isZero();
    assertThat(allIndexed(staying)).as("the staying resident's documents").isTrue();

    // The API's books.
    as(leaving, "GET", "/api/v1/me/profile", null, 404);
    assertThat(as(leaving, "GET", "/api/v1/me/devices", null, 200)).isEqualTo("[]");
    JsonNode consents =
        Json.mapper().readTree(as(leaving, "GET", "/api/v1/me/consents", null, 200));
    assertThat(consents.path("current").size()).isZero();
    assertThat(consents.path("history").size()).isZero();
    JsonNode after = Json.mapper().readTree(as(leaving, "GET", "/api/v1/me/export", null, 200));
    assertThat(after.path("profile").isNull()).isTrue();
    for (String part :
        List.of("consentHistory", "devices", "deliveries", "pushOutcomes", "feedback")) {
      assertThat(after.path(part).size()).as(part).isZero();
    }

    // The compacted topics' latest records: a tombstone for each of the leaving resident's keys.
    Map<String, String> profiles = latest(Topics.PROFILES);
    Map<String, String> devices = latest(Topics.DEVICES);
    Map<String, String> histories = latest("residents.consents.v1");
    assertThat(profiles).containsEntry(leaving, null);
    assertThat(devices).containsEntry(leavingDevice, null);
    assertThat(histories).containsEntry(leaving, null);
    assertThat(profiles.get(staying)).contains("\"district\":\"湊町\"");
    assertThat(histories.get(staying)).contains("\"granted\":false");
    assertThat(devices.values()).filteredOn(v -> v != null && v.contains(staying)).hasSize(1);
    assertThat(devices.values()).noneMatch(v -> v != null && v.contains(leaving));

    // An API started now reads the topics into its books: the leaving resident is not there.
    try (ApiInstance fresh =
        ApiInstance.start(
            stack.kafka.bootstrapServers(),
            stack.elasticsearch.url(),
            Clock.fixed(NOW, ZoneOffset.UTC))) {
      // Each book is read to where the staying resident is in it, so the leaving one's absence
      // is the topics' word, not a book still empty.
      Waits.until(
          "the fresh API has read the staying resident's profile, consents and device",
          PATIENCE,
          () ->
              call(fresh, staying, "/api/v1/me/profile").statusCode() == 200
                  && Json.mapper()
                          .readTree(call(fresh, staying, "/api/v1/me/consents").body())
                          .path("history")
                          .size()
                      == 3
                  && Json.mapper()
                          .readTree(call(fresh, staying, "/api/v1/me/devices").body())
                          .size()
                      == 1);
      assertThat(call(fresh, leaving, "/api/v1/me/profile").statusCode()).isEqualTo(404);
      assertThat(
              Json.mapper()
                  .readTree(call(fresh, leaving, "/api/v1/me/consents").body())
                  .path("history")
                  .size())
          .isZero();
      assertThat(call(fresh, leaving, "/api/v1/me/devices").body()).isEqualTo("[]");
    }
  }

  @Test
  void theLogTopicsThatNameResidentsKeepARecord30DaysAndADaysSegmentAtMost() throws Exception {
    List<String> logs =
        List.of(
            Topics.FEEDBACK,
            Topics.DELIVERIES,
            Topics.PUSH_RESULTS,
            Topics.deadLetter(Topics.PROFILES),
            Topics.deadLetter(Topics.FEEDBACK),
            Topics.deadLetter(Topics.DELIVERIES));
    try (var admin = stack.kafka.admin()) {
      var configs =
          admin
              .describeConfigs(
                  logs.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList())
              .all()
              .get();
      for (String topic : logs) {
        var config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
        // 30 days in milliseconds, by hand.
        assertThat(config.get("retention.ms").value()).as(topic).isEqualTo("2592000000");
        assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("delete");
        assertThat(config.get("segment.ms").value()).as(topic).isEqualTo("86400000");
      }
      assertThat(
              admin
                  .describeConfigs(
                      Set.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROFILES)))
                  .all()
                  .get()
                  .values()
                  .iterator()
                  .next()
                  .get("cleanup.policy")
                  .value())
          .isEqualTo("compact");
    }
  }
}
