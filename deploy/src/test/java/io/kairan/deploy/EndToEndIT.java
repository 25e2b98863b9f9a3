package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kairan.api.device.DeviceRegistration;
import io.kairan.api.notice.NoticeDraft;
import io.kairan.api.security.Role;
import io.kairan.deploy.stack.ApiClient;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import io.kairan.push.fcmlocal.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One notice travels the whole path on the real components: API → Kafka → Flink → Kafka →
 * Elasticsearch (feed) and → Firebase Admin SDK → local FCM server (push).
 */
class EndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static LocalStack stack;
  private static ApiClient api;

  @BeforeAll
  static void startStack() throws Exception {
    stack =
        LocalStack.start(
            StackOptions.freePorts(Path.of(System.getProperty("kairan.samples", "../samples")), 0));
    api = new ApiClient(stack.apiUrl());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private static ResidentProfile profile(String district, List<Integer> children) {
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    consents.put(Category.CHILDCARE, new Consent(true, Instant.now()));
    consents.put(Category.GARBAGE, new Consent(true, Instant.now()));
    // No quiet hours: the push must go out whatever time the test runs.
    return new ResidentProfile(
        "ignored",
        "072028",
        district,
        null,
        1990,
        children,
        List.of("ja"),
        Set.of(),
        consents,
        null,
        "Asia/Tokyo",
        Set.of(),
        null);
  }

  private static String optIn(String residentId, ResidentProfile profile) throws Exception {
    String token = stack.tokens().resident(residentId);
    assertThat(api.put("/api/v1/me/profile", token, profile).statusCode()).isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/me/devices",
                    token,
                    new DeviceRegistration("token-" + residentId, Platform.ANDROID, "ja"))
                .statusCode())
        .isEqualTo(201);
    return token;
  }

  private static String post(String publisherToken, NoticeDraft draft) throws Exception {
    var response = api.post("/api/v1/notices", publisherToken, draft);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.mapper().readTree(response.body()).path("id").asText();
  }

  private static List<String> feedNoticeIds(String token) throws Exception {
    var response = api.get("/api/v1/me/feed", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body()).findValuesAsText("noticeId");
  }

  private static NoticeDraft draft(
      Category category, Severity severity, Audience audience, String title) {
    Instant now = Instant.now();
    return new NoticeDraft(
        "072028",
        category,
        Map.of("ja", title),
        Map.of(),
        null,
        null,
        new Validity(now, now.plus(Duration.ofDays(7))),
        severity,
        audience);
  }

  @Test
  void aNoticeReachesExactlyItsResidentsInTheirFeedsAndAsPushes() throws Exception {
    String parent = optIn("e2e-parent", profile("北会津町", List.of(2022)));
    String elsewhere = optIn("e2e-elsewhere", profile("湊町", List.of(2022)));
    String childless = optIn("e2e-childless", profile("北会津町", List.of()));
    String city = stack.tokens().publisher("kodomo-ka", "こども家庭課", "DEPARTMENT");

    // Everyone's feed gets the city-wide notice: then all three profiles are in the job's state.
    String cityWide =
        post(city, draft(Category.GARBAGE, Severity.INFO, new Audience.Everyone(), "ごみ収集日の変更"));
    for (String resident : List.of(parent, elsewhere, childless)) {
      Waits.until(
          "the city-wide notice in every feed",
          PATIENCE,
          () -> feedNoticeIds(resident).contains(cityWide));
    }

    String allowance =
        post(
            city,
            draft(
                Category.CHILDCARE,
                Severity.IMPORTANT,
                new Audience.AllOf(
                    List.of(
                        new Audience.InDistrict(List.of("北会津町")),
                        new Audience.HasChildAgedBetween(0, 6))),
                "児童手当の申請"));

    Waits.until(
        "the allowance in the parent's feed",
        PATIENCE,
        () -> feedNoticeIds(parent).contains(allowance));
    Waits.until(
        "the allowance pushed to the parent's device",
        PATIENCE,
        () -> pushesOf(allowance).stream().anyMatch(m -> m.token().equals("token-e2e-parent")));

    assertThat(feedNoticeIds(elsewhere)).contains(cityWide).doesNotContain(allowance);
    assertThat(feedNoticeIds(childless)).contains(cityWide).doesNotContain(allowance);
    assertThat(pushesOf(allowance))
        .extracting(ReceivedMessage::token)
        .containsExactly("token-e2e-parent");
    assertThat(pushesOf(allowance).get(0).title()).isEqualTo("児童手当の申請");
    assertThat(pushesOf(cityWide)).as("info notices go to the feed only").isEmpty();

    var figures =
        Json.mapper().readTree(api.get("/api/v1/notices/" + allowance + "/figures", city).body());
    assertThat(figures.path("minimumGroup").asInt()).isEqualTo(10);
    assertThat(figures.path("residents").isNull())
        .as("one resident is below the minimum group")
        .isTrue();
    String otherDepartment = stack.tokens().publisher("kankyo-ka", "環境課", "DEPARTMENT");
    assertThat(api.get("/api/v1/notices/" + allowance + "/figures", otherDepartment).statusCode())
        .isEqualTo(403);

    var withdrawn = api.post("/api/v1/notices/" + allowance + "/withdraw", city, "");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    Waits.until(
        "the withdrawn notice gone from the feed",
        PATIENCE,
        () -> !feedNoticeIds(parent).contains(allowance));
  }

  @Test
  void residentsAndPublishersOnlyDoWhatTheirTokensAllow() throws Exception {
    String resident = stack.tokens().resident("e2e-curious");

    assertThat(api.get("/api/v1/me/feed", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/v1/me/feed", "not-a-token").statusCode()).isEqualTo(401);
    var forbidden =
        api.post(
            "/api/v1/notices",
            resident,
            draft(Category.EVENTS, Severity.INFO, new Audience.Everyone(), "x"));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void invalidInputIsAProblemDocumentNamingEachField() throws Exception {
    String city = stack.tokens().publisher("kodomo-ka", "こども家庭課", "DEPARTMENT");
    var response =
        api.post(
            "/api/v1/notices",
            city,
            "{\"municipalityCode\":\"072029\",\"title\":{},\"audience\":{\"type\":\"age\",\"min\":70,\"max\":65}}");

    assertThat(response.statusCode()).isEqualTo(400);
    var problem = Json.mapper().readTree(response.body());
    assertThat(problem.path("title").asText()).isEqualTo("Invalid fields");
    assertThat(problem.path("errors").toString())
        .contains(
            "municipalityCode",
            "title: needs at least one language",
            "audience.max: must not be below min",
            "category: is required");

    var garbled = api.post("/api/v1/notices", city, "{\"title\": ");
    assertThat(garbled.statusCode()).isEqualTo(400);
    assertThat(garbled.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void aBrokenProfileOnTheTopicStopsNeitherTheJobNorAnEmergencyToEveryone() throws Exception {
    optIn("e2e-calm-minato", profile("湊町", List.of()));
    optIn("e2e-calm-kitaaizu", profile("北会津町", List.of(2022)));
    // What the API refuses, written straight to the topic as a faulty producer could: quiet hours
    // of 25:00 once failed the decide stage and with it every later delivery.
    ObjectNode sleepless =
        Json.mapper().valueToTree(profile("湊町", List.of()).withId("e2e-sleepless", Instant.now()));
    sleepless.putObject("quietHours").put("start", "25:00").put("end", "07:00");
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer.send(new ProducerRecord<>(Topics.PROFILES, "e2e-sleepless", sleepless.toString()));
    }
    Waits.until(
        "the broken profile dead-lettered with its reason",
        PATIENCE,
        () ->
            TopicRecords.all(stack.kafkaBootstrapServers(), Topics.deadLetter(Topics.PROFILES))
                .stream()
                .anyMatch(
                    r ->
                        "e2e-sleepless".equals(r.key()) && r.value().contains("quietHours.start")));

    String city = stack.tokens().publisher("bousai-ka", "危機管理課", "DEPARTMENT");
    String evacuate =
        post(
            city,
            draft(Category.DISASTER, Severity.EMERGENCY, new Audience.Everyone(), "避難指示（訓練）"));

    Waits.until(
        "the emergency pushed to both residents",
        PATIENCE,
        () ->
            pushesOf(evacuate).stream()
                .map(ReceivedMessage::token)
                .toList()
                .containsAll(List.of("token-e2e-calm-minato", "token-e2e-calm-kitaaizu")));
  }

  private static List<ReceivedMessage> pushesOf(String noticeId) {
    return stack.fcm().received().stream()
        .filter(m -> noticeId.equals(m.data().get("noticeId")))
        .toList();
  }

  @Test
  void anAnalystsRuleSetsTakeOverTheRunningJobAndAShadowSetOnlyWritesItsOwnTopic()
      throws Exception {
    optIn("e2e-rules", profile("河東町", List.of()));
    String city = stack.tokens().publisher("kankyo-ka", "環境課", "DEPARTMENT");
    String analyst = stack.tokens().token("analyst", Role.ANALYST, Map.of());
    RuleSet builtin = RuleSet.BUILTIN;
    RuleSet garbageInTheDigest =
        new RuleSet(
            "e2e-winter",
            2,
            RuleSlot.ACTIVE,
            builtin.weights(),
            Map.of(),
            Set.of(Category.GARBAGE),
            0,
            5,
            1,
            null,
            "18:00",
            null);
    RuleSet candidate =
        new RuleSet(
            "e2e-candidate",
            1,
            RuleSlot.SHADOW,
            builtin.weights(),
            Map.of(),
            Set.of(),
            0,
            0,
            0,
            null,
            "18:00",
            null);
    assertThat(api.put("/api/v1/rules/active", analyst, garbageInTheDigest).statusCode())
        .isEqualTo(202);
    assertThat(api.put("/api/v1/rules/shadow", analyst, candidate).statusCode()).isEqualTo(202);
    try {
      // Rule sets and notices are separate streams: notices posted from now on are decided under
      // the new set as soon as the running job has read it.
      Delivery decided = null;
      for (int attempt = 0; attempt < 10 && decided == null; attempt++) {
        String notice =
            post(
                city,
                draft(
                    Category.GARBAGE,
                    Severity.IMPORTANT,
                    new Audience.InDistrict(List.of("河東町")),
                    "粗大ごみ " + attempt));
        Waits.until(
            "the notice's delivery",
            PATIENCE,
            () -> !deliveries(Topics.DELIVERIES, notice).isEmpty());
        Delivery delivery = deliveries(Topics.DELIVERIES, notice).get(0);
        // The two sets are two records, possibly on two partitions: both must have arrived.
        if (delivery.ruleVersion().equals("e2e-winter/2") && shadowDecided(notice)) {
          decided = delivery;
        }
      }

      assertThat(decided).as("a delivery under both of the analyst's rule sets").isNotNull();
      assertThat(decided.channel()).as("garbage goes to the digest").isEqualTo(Channel.DIGEST);
      String noticeId = decided.noticeId();
      Delivery shadow = deliveries(Topics.SHADOW_DELIVERIES, noticeId).get(0);
      assertThat(shadow.ruleVersion()).isEqualTo("e2e-candidate/1");
      assertThat(shadow.channel()).as("its cap of 0").isEqualTo(Channel.DIGEST);
      assertThat(stack.fcm().received())
          .as("the digest is not pushed now")
          .noneMatch(m -> noticeId.equals(m.data().get("noticeId")));
    } finally {
      api.put("/api/v1/rules/active", analyst, builtin);
      api.delete("/api/v1/rules/shadow", analyst);
    }
  }

  /** Whether the shadow set decided the notice too (it does so with the active set, or never). */
  private static boolean shadowDecided(String noticeId) throws InterruptedException {
    try {
      Waits.until(
          "the shadow decision",
          Duration.ofSeconds(10),
          () -> !deliveries(Topics.SHADOW_DELIVERIES, noticeId).isEmpty());
      return true;
    } catch (IllegalStateException notYet) {
      return false;
    }
  }

  private static List<Delivery> deliveries(String topic, String noticeId) {
    return TopicRecords.all(stack.kafkaBootstrapServers(), topic).stream()
        .map(r -> Json.read(r.value(), Delivery.class))
        .filter(d -> d.noticeId().equals(noticeId))
        .toList();
  }
}
