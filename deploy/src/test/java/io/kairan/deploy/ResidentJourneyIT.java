package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A resident's journey on the real local stack (API → Kafka → Flink → Kafka → Elasticsearch and
 * push → local FCM server): opts in, registers a device, receives notices, walks the feed a page at
 * a time while a notice arrives, opens one (in English, with why), searches in Japanese, marks one
 * not interested, gets the day's digest pushed at the analyst's digest time, exports their data and
 * erases themselves, after which nothing of theirs is left to read.
 *
 * <p>The job decides on a fixed instant, the start of the class; push reads the wall clock and
 * sends a digest whose time has come (within the hour), so the analyst's digest time is the next
 * minute in Aizuwakamatsu after that instant: the digest is pushed as soon as its delivery is read.
 */
class ResidentJourneyIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final ZoneId AIZU = ZoneId.of("Asia/Tokyo");
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Validity VALIDITY = new Validity(NOW, NOW.plus(Duration.ofDays(3650)));
  private static final String DISTRICT = "大戸町";
  private static final String RESIDENT = "journey-1";
  private static final Path SAMPLES = Path.of(System.getProperty("kairan.samples", "../samples"));
  private static LocalStack stack;
  private static ApiClient api;

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(StackOptions.freePorts(SAMPLES, 0, Clock.fixed(NOW, ZoneOffset.UTC)));
    api = new ApiClient(stack.apiUrl());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  /** The next whole minute in Aizuwakamatsu after the job's instant, as HH:mm. */
  static String digestTimeSoonAfterNow() {
    return NOW.atZone(AIZU)
        .plusMinutes(1)
        .truncatedTo(ChronoUnit.MINUTES)
        .format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  private static ResidentProfile englishReader() {
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    consents.put(Category.CHILDCARE, new Consent(true, NOW));
    consents.put(Category.EVENTS, new Consent(true, NOW));
    return new ResidentProfile(
        "ignored",
        "072028",
        DISTRICT,
        null,
        1985,
        List.of(),
        List.of("en"),
        Set.of(),
        consents,
        null,
        "Asia/Tokyo",
        Set.of(),
        null);
  }

  private static NoticeDraft draft(Category category, Map<String, String> title) {
    return new NoticeDraft(
        "072028",
        category,
        title,
        Map.of("ja", "詳しくは市のホームページをご覧ください。", "en", "See the city's website."),
        null,
        null,
        VALIDITY,
        Severity.IMPORTANT,
        new Audience.InDistrict(List.of(DISTRICT)));
  }

  private static String post(String publisher, NoticeDraft draft) throws Exception {
    var response = api.post("/api/v1/notices", publisher, draft);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.mapper().readTree(response.body()).path("id").asText();
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** One page's notice ids, and the cursor of the next page (null on the last). */
  record Page(List<String> ids, String next) {}

  private static Page page(String token, String query) throws Exception {
    var response = ok(api.get("/api/v1/me/feed?" + query, token));
    List<String> ids = Json.mapper().readTree(response.body()).findValuesAsText("noticeId");
    return new Page(ids, response.headers().firstValue("Kairan-Next-Cursor").orElse(null));
  }

  /** A whole walk from the cursor on, pages of two. */
  private static List<String> walkFrom(String token, String cursor) throws Exception {
    List<String> ids = new ArrayList<>();
    String next = cursor;
    while (next != null) {
      Page page = page(token, "size=2&cursor=" + next);
      ids.addAll(page.ids());
      next = page.next();
    }
    return ids;
  }

  private static List<String> wholeFeed(String token) throws Exception {
    Page first = page(token, "size=2");
    List<String> ids = new ArrayList<>(first.ids());
    ids.addAll(walkFrom(token, first.next()));
    return ids;
  }

  private static List<Delivery> deliveries(String noticeId) {
    return TopicRecords.all(stack.kafkaBootstrapServers(), Topics.DELIVERIES).stream()
        .map(r -> Json.read(r.value(), Delivery.class))
        .filter(d -> d.noticeId().equals(noticeId))
        .toList();
  }

  @Test
  void aResidentOptsInReadsPagesOpensSearchesAndGetsTheDigest() throws Exception {
    String analyst = stack.tokens().token("analyst", Role.ANALYST.name(), Map.of());
    String city = stack.tokens().publisher("kodomo-ka", "こども家庭課", "DEPARTMENT", "072028");
    RuleSet eventsInTheDigest =
        new RuleSet(
            "journey",
            1,
            RuleSlot.ACTIVE,
            RuleSet.BUILTIN.weights(),
            Map.of(),
            Set.of(Category.EVENTS),
            0,
            // No cap reached: only the events go to the digest.
            100,
            1,
            null,
            digestTimeSoonAfterNow(),
            null);
    assertThat(api.put("/api/v1/rules/active", analyst, eventsInTheDigest).statusCode())
        .isEqualTo(202);

    // Opts in and registers a device.
    String token = stack.tokens().resident(RESIDENT);
    assertThat(api.put("/api/v1/me/profile", token, englishReader()).statusCode()).isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/me/devices",
                    token,
                    new DeviceRegistration("token-" + RESIDENT, Platform.ANDROID, "ja"))
                .statusCode())
        .isEqualTo(201);

    // The day's event goes to the digest once the job runs the analyst's rules and knows the
    // resident (rules, profiles and notices are separate streams, and a notice read before the
    // profile reaches the resident only as the profile's catch-up, in the feed): post until one is.
    Delivery digested = null;
    for (int attempt = 0; attempt < 10 && digested == null; attempt++) {
      String event = post(city, draft(Category.EVENTS, Map.of("ja", "鶴ヶ城の紅葉まつり " + attempt)));
      Waits.until("the event's delivery", PATIENCE, () -> !deliveries(event).isEmpty());
      Delivery delivery = deliveries(event).get(0);
      if (delivery.ruleVersion().equals("journey/1") && delivery.channel() == Channel.DIGEST) {
        digested = delivery;
      }
    }
    assertThat(digested).as("an event sent to the digest under the analyst's rules").isNotNull();
    String event = digested.noticeId();

    // Receives five childcare notices.
    List<String> childcare = new ArrayList<>();
    childcare.add(
        post(
            city,
            draft(
                Category.CHILDCARE,
                Map.of("ja", "児童手当の申請", "en", "Applying for the child allowance"))));
    for (String title : List.of("保育園の入園申込み", "予防接種のお知らせ", "子育て広場の開館時間", "乳幼児健診の日程")) {
      childcare.add(post(city, draft(Category.CHILDCARE, Map.of("ja", title))));
    }
    Waits.until(
        "the five notices in the feed",
        PATIENCE,
        () -> page(token, "size=100").ids().containsAll(childcare));
    List<String> before = page(token, "size=100").ids();

    // Pages through the feed while a notice arrives: each notice the walk began with once, in its
    // order. (The job's clock is fixed, so every delivery has the same decidedAt and the arrival
    // sorts among them by its id: the walk shows it if it sorts after the cursor, else a new walk.)
    Page first = page(token, "size=2");
    assertThat(first.ids()).isEqualTo(before.subList(0, 2));
    String arrived = post(city, draft(Category.CHILDCARE, Map.of("ja", "ファミリーサポートの会員募集")));
    Waits.until(
        "the arrival in the feed", PATIENCE, () -> page(token, "size=100").ids().contains(arrived));
    List<String> walked = new ArrayList<>(first.ids());
    walked.addAll(walkFrom(token, first.next()));
    assertThat(walked).as("nothing repeated").doesNotHaveDuplicates();
    assertThat(walked.stream().filter(id -> !id.equals(arrived)).toList())
        .as("nothing skipped, in the feed's order")
        .isEqualTo(before);
    assertThat(wholeFeed(token))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.concat(before.stream(), java.util.stream.Stream.of(arrived))
                .toList());

    // Opens one: in English, with why and under which rules; and marks it opened.
    String allowance = childcare.get(0);
    JsonNode detail =
        Json.mapper().readTree(ok(api.get("/api/v1/me/notices/" + allowance, token)).body());
    assertThat(detail.path("title").asText()).isEqualTo("Applying for the child allowance");
    assertThat(detail.path("body").asText()).isEqualTo("See the city's website.");
    assertThat(detail.path("ruleVersion").asText()).isEqualTo("journey/1");
    assertThat(detail.path("reasons").size()).isPositive();
    assertThat(
            api.get("/api/v1/me/notices/" + allowance, stack.tokens().resident("journey-2"))
                .statusCode())
        .as("another resident never received it")
        .isEqualTo(404);
    assertThat(
            api.post("/api/v1/me/feedback", token, Map.of("noticeId", allowance, "kind", "OPENED"))
                .statusCode())
        .isEqualTo(202);
    Waits.until(
        "the opened notice out of the unread feed",
        PATIENCE,
        () -> {
          List<String> unread = page(token, "size=100&unread=true").ids();
          return !unread.contains(allowance) && unread.contains(childcare.get(1));
        });

    // Searches in Japanese.
    Waits.until(
        "児童手当 finds the application",
        PATIENCE,
        () -> searchIds(token, "児童手当").equals(List.of(allowance)));

    // Marks one not interested.
    assertThat(
            api.post(
                    "/api/v1/me/feedback",
                    token,
                    Map.of("noticeId", childcare.get(2), "kind", "NOT_INTERESTED"))
                .statusCode())
        .isEqualTo(202);

    // The digest section holds the event at its digest time; push sends the digest at that time.
    JsonNode digest = Json.mapper().readTree(ok(api.get("/api/v1/me/feed/digest", token)).body());
    assertThat(digest.path("digests").get(0).path("at").asText())
        .isEqualTo(digested.pushAt().toString());
    assertThat(digest.path("digests").get(0).findValuesAsText("noticeId")).contains(event);
    Waits.until(
        "the digest pushed to the resident's device",
        Duration.ofMinutes(3),
        () -> !digestsTo("token-" + RESIDENT).isEmpty());
    ReceivedMessage pushed = digestsTo("token-" + RESIDENT).get(0);
    assertThat(pushed.data().get("noticeIds")).contains(event);
    assertThat(pushed.data().get("count")).isEqualTo("1");

    // A withdrawn notice is gone, with the time of its withdrawal.
    var withdrawn = api.post("/api/v1/notices/" + childcare.get(4) + "/withdraw", city, "");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    Waits.until(
        "the withdrawn notice answering 410",
        PATIENCE,
        () -> api.get("/api/v1/me/notices/" + childcare.get(4), token).statusCode() == 410);
    JsonNode gone =
        Json.mapper().readTree(api.get("/api/v1/me/notices/" + childcare.get(4), token).body());
    assertThat(gone.path("withdrawnAt").asText()).isNotBlank();

    // Exports all that is held about them: profile, consents, device, deliveries, pushes, feedback.
    Waits.until(
        "the export holding the feedback",
        PATIENCE,
        () -> export(token).path("feedback").size() == 2);
    JsonNode export = export(token);
    assertThat(export.path("residentId").asText()).isEqualTo(RESIDENT);
    assertThat(export.path("profile").path("languages").get(0).asText()).isEqualTo("en");
    assertThat(export.path("consentHistory").size()).isPositive();
    assertThat(export.path("devices").findValuesAsText("token"))
        .containsExactly("token-" + RESIDENT);
    assertThat(export.path("deliveries").findValuesAsText("noticeId"))
        .contains(event, allowance, arrived);
    assertThat(export.path("pushOutcomes").size()).isPositive();
    assertThat(export.path("feedback").findValuesAsText("kind"))
        .containsExactlyInAnyOrder("OPENED", "NOT_INTERESTED");

    // Erases themselves, and finds nothing left: not in the export, the feed, a notice or search.
    var erased = api.delete("/api/v1/me", token);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
    Waits.until(
        "nothing of the resident's left in the export",
        PATIENCE,
        () -> {
          JsonNode after = export(token);
          return after.path("profile").isNull()
              && after.path("consentHistory").isEmpty()
              && after.path("devices").isEmpty()
              && after.path("deliveries").isEmpty()
              && after.path("pushOutcomes").isEmpty()
              && after.path("feedback").isEmpty();
        });
    assertThat(wholeFeed(token)).isEmpty();
    assertThat(page(token, "size=2").next()).isNull();
    assertThat(
            Json.mapper()
                .readTree(ok(api.get("/api/v1/me/feed/digest", token)).body())
                .path("digests"))
        .isEmpty();
    assertThat(api.get("/api/v1/me/notices/" + allowance, token).statusCode()).isEqualTo(404);
    assertThat(searchIds(token, "児童手当")).isEmpty();
  }

  /** The ids of the notices a search finds, in order. */
  private static List<String> searchIds(String token, String q) throws Exception {
    var response =
        ok(api.get("/api/v1/me/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token));
    return Json.mapper().readTree(response.body()).path("items").findValuesAsText("noticeId");
  }

  private static JsonNode export(String token) throws Exception {
    return Json.mapper().readTree(ok(api.get("/api/v1/me/export", token)).body());
  }

  private static List<ReceivedMessage> digestsTo(String deviceToken) {
    return stack.fcm().received().stream()
        .filter(m -> m.token().equals(deviceToken) && m.data().containsKey("digestId"))
        .toList();
  }
}
