package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.api.device.DeviceRegistration;
import io.kairan.api.notice.NoticeDraft;
import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.stack.ApiClient;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.deploy.stack.Waits;
import io.kairan.ingest.site.GsiSiteFile;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import io.kairan.push.fcmlocal.LocalFcmServer.TopicMessage;
import io.kairan.push.fcmlocal.ReceivedMessage;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An earthquake warning for two districts on the real stack (API, Kafka, Flink, Elasticsearch, push
 * with the Admin SDK against the local FCM server, GreenMail as the city's SMTP server): every
 * eligible resident's feed names the nearest site safe in an earthquake from their home (checked
 * against a brute-force search over the city's GSI files), the district-topic messages (stage one)
 * precede every personal push (stage two), the residents without a phone who verified an e-mail
 * address get the warning by e-mail, and the coverage adds up to the eligible residents.
 */
class EmergencyIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final Instant NOW = AizuNoon.last();
  private static final Validity VALIDITY = new Validity(NOW, NOW.plus(Duration.ofDays(3650)));
  private static final Path SAMPLES = Path.of(System.getProperty("kairan.samples", "../samples"));
  private static final Pattern LINK =
      Pattern.compile("http://127\\.0\\.0\\.1:\\d+/api/v1/email/verification\\?token=\\S+");

  /** Two districts no other test uses, and the centre of one of each's towns (the CSV's). */
  private static final String ICHIMI = "一箕町";

  private static final GeoPoint ICHIMI_CENTRE = new GeoPoint(37.516543, 139.939368);
  private static final String NANOKA = "七日町";
  private static final GeoPoint NANOKA_CENTRE = new GeoPoint(37.500799, 139.922182);

  private static LocalStack stack;
  private static ApiClient api;

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(StackOptions.freePorts(SAMPLES, 0, Clock.fixed(NOW, ZoneOffset.UTC)));
    api = new ApiClient(stack.apiUrl());
    DemoLoader.publishSites(stack.kafkaBootstrapServers(), SAMPLES, NOW);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  /** A resident of the test: their id, district, home, token, and how they can be reached. */
  private record Resident(String id, String district, GeoPoint home, String token) {}

  private static Resident optIn(String id, String district, GeoPoint home) throws Exception {
    String token = stack.tokens().resident(id);
    ResidentProfile profile =
        new ResidentProfile(
            "ignored",
            "072028",
            district,
            home,
            1960,
            List.of(),
            List.of("ja"),
            Set.of(),
            Map.of(),
            null,
            "Asia/Tokyo",
            Set.of(),
            null);
    var put = api.put("/api/v1/me/profile", token, profile);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    return new Resident(id, district, home, token);
  }

  private static void withPhone(Resident r) throws Exception {
    var registered =
        api.post(
            "/api/v1/me/devices",
            r.token(),
            new DeviceRegistration("token-" + r.id(), Platform.ANDROID, "ja"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
  }

  /** Gives an address and follows the link the stack's SMTP server received for it. */
  private static void withVerifiedEmail(Resident r) throws Exception {
    String address = r.id() + "@example.jp";
    var given = api.put("/api/v1/me/email", r.token(), Map.of("address", address));
    assertThat(given.statusCode()).as(given.body()).isEqualTo(202);
    String link =
        Waits.value("the link mailed to " + address, PATIENCE, () -> linkMailedTo(address));
    // Opening the link shows a page; its button (a POST of the same token) verifies.
    HttpClient browser = HttpClient.newHttpClient();
    var opened =
        browser.send(
            HttpRequest.newBuilder(URI.create(link)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    var confirmed =
        browser.send(
            HttpRequest.newBuilder(URI.create(link))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    var read = api.get("/api/v1/me/email", r.token());
    assertThat(Json.mapper().readTree(read.body()).path("verified").asBoolean()).isTrue();
  }

  private static String linkMailedTo(String address) throws Exception {
    for (MimeMessage m : mailsTo(address)) {
      Matcher link = LINK.matcher(String.valueOf(m.getContent()));
      if (link.find()) {
        return link.group();
      }
    }
    return null;
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> to = new ArrayList<>();
    for (MimeMessage m : stack.mail().getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
        to.add(m);
      }
    }
    return to;
  }

  /** A home near a town's centre, within about a kilometre. */
  private static GeoPoint near(GeoPoint centre, Random random) {
    return new GeoPoint(
        centre.lat() + (random.nextDouble() - 0.5) * 0.02,
        centre.lon() + (random.nextDouble() - 0.5) * 0.02);
  }

  private static JsonNode feedItem(Resident r, String noticeId) throws Exception {
    var feed = Json.mapper().readTree(api.get("/api/v1/me/feed", r.token()).body());
    for (JsonNode item : feed) {
      if (noticeId.equals(item.path("noticeId").asText())) {
        return item;
      }
    }
    return null;
  }

  /** The number the local FCM server gives each accepted message, in the order it accepted it. */
  private static long serial(String messageId) {
    return Long.parseLong(messageId.substring(messageId.lastIndexOf('/') + 1));
  }

  @Test
  void anEarthquakeWarningForTwoDistrictsReachesEveryEligibleResidentByTheRightChannel()
      throws Exception {
    Random random = new Random(26);
    Map<String, Resident> eligible = new LinkedHashMap<>();
    List<Resident> phones = new ArrayList<>();
    List<Resident> emailed = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Resident a = optIn("eq-ichimi-phone-" + i, ICHIMI, near(ICHIMI_CENTRE, random));
      withPhone(a);
      Resident b = optIn("eq-nanoka-phone-" + i, NANOKA, near(NANOKA_CENTRE, random));
      withPhone(b);
      // No phone, but an address they verified: the warning goes there.
      Resident c = optIn("eq-ichimi-mail-" + i, ICHIMI, near(ICHIMI_CENTRE, random));
      withVerifiedEmail(c);
      // No phone and no address: only the city's own fallback can reach them.
      Resident d = optIn("eq-nanoka-none-" + i, NANOKA, near(NANOKA_CENTRE, random));
      phones.add(a);
      phones.add(b);
      emailed.add(c);
      for (Resident r : List.of(a, b, c, d)) {
        eligible.put(r.id(), r);
      }
    }
    // The reference: every site of the city's evacuation-site file safe in an earthquake.
    List<EvacuationSite> quakeSafe =
        GsiSiteFile.read(
                Files.readAllBytes(
                    SAMPLES.resolve(
                        "city/aizuwakamatsu_designated_emergency_evacuation_sites.csv")),
                SiteKind.EVACUATION_SITE,
                "072028")
            .sites()
            .stream()
            .filter(s -> s.safeFor().contains(Hazard.EARTHQUAKE))
            .toList();
    assertThat(quakeSafe).isNotEmpty();

    String city = stack.tokens().publisher("bousai-ka", "危機管理課", "DEPARTMENT", "072028");
    var posted =
        api.post(
            "/api/v1/notices",
            city,
            new NoticeDraft(
                "072028",
                Category.DISASTER,
                Map.of("ja", "地震の避難指示（訓練）", "en", "Earthquake: evacuate (drill)"),
                Map.of("ja", "揺れがおさまったら、近くの避難場所へ移動してください。"),
                null,
                null,
                VALIDITY,
                Severity.EMERGENCY,
                new Audience.InDistrict(List.of(ICHIMI, NANOKA)),
                null,
                null,
                Hazard.EARTHQUAKE));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    String notice = Json.mapper().readTree(posted.body()).path("id").asText();

    // 1. Every eligible resident's feed, with the nearest earthquake-safe site from their home.
    for (Resident r : eligible.values()) {
      JsonNode item =
          Waits.value("the warning in " + r.id() + "'s feed", PATIENCE, () -> feedItem(r, notice));
      EvacuationSite nearest =
          quakeSafe.stream()
              .min(
                  Comparator.comparingDouble(
                          (EvacuationSite s) -> Geo.distanceKm(r.home(), s.location()))
                      .thenComparing(EvacuationSite::id))
              .orElseThrow();
      JsonNode site = item.path("sites").get(0);
      assertThat(site.path("reason").asText()).as(r.id()).isEqualTo("SAFE_FOR_HAZARD");
      assertThat(site.path("siteId").asText()).as(r.id()).isEqualTo(nearest.id());
      assertThat(site.path("distanceKm").asDouble())
          .as(r.id())
          .isCloseTo(Geo.distanceKm(r.home(), nearest.location()), within(1e-6));
    }

    // 2. Stage one (a message per district topic) before any resident's own push (stage two).
    List<ReceivedMessage> personal =
        Waits.value(
            "a push to each of the 20 phones",
            PATIENCE,
            () -> {
              var sent =
                  stack.fcm().received().stream()
                      .filter(m -> notice.equals(m.data().get("noticeId")))
                      .toList();
              return sent.size() >= phones.size() ? sent : null;
            });
    assertThat(personal)
        .extracting(ReceivedMessage::token)
        .containsExactlyInAnyOrderElementsOf(phones.stream().map(p -> "token-" + p.id()).toList());
    List<TopicMessage> stageOne =
        stack.fcm().topicMessages().stream()
            .filter(m -> notice.equals(m.data().get("noticeId")))
            .toList();
    assertThat(stageOne).extracting(TopicMessage::topic).hasSize(2).doesNotHaveDuplicates();
    long lastStageOne = stageOne.stream().mapToLong(m -> serial(m.messageId())).max().orElseThrow();
    assertThat(personal)
        .allSatisfy(m -> assertThat(serial(m.messageId())).isGreaterThan(lastStageOne));

    // 3. The residents without a phone who gave an address have it by e-mail, with their site.
    for (Resident r : emailed) {
      String address = r.id() + "@example.jp";
      MimeMessage mail =
          Waits.value(
              "the warning mailed to " + address,
              PATIENCE,
              () -> {
                for (MimeMessage m : mailsTo(address)) {
                  if (m.getSubject().contains("地震の避難指示")) {
                    return m;
                  }
                }
                return null;
              });
      assertThat(mail.getSubject()).isEqualTo("【緊急】地震の避難指示（訓練）");
      String nearestName = feedItem(r, notice).path("sites").get(0).path("name").asText();
      assertThat(String.valueOf(mail.getContent())).contains("避難先: " + nearestName);
    }

    // 4. The coverage: 20 pushed, 10 by e-mail, 10 not reached, adding up to the 40 eligible.
    String operator =
        stack.tokens().token("ops-eq", "OPERATOR", Map.of("municipality_code", "072028"));
    JsonNode coverage =
        Waits.value(
            "the coverage of all 40 residents with 20 pushes and 10 e-mails",
            PATIENCE,
            () -> {
              var c =
                  Json.mapper()
                      .readTree(
                          api.get("/api/v1/notices/" + notice + "/coverage", operator).body());
              return c.path("residents").asLong() == 40
                      && c.at("/total/push").asLong() == 20
                      && c.at("/total/email").asLong() == 10
                  ? c
                  : null;
            });
    assertThat(coverage.at("/total/feedOnly").asLong()).isZero();
    assertThat(coverage.at("/total/notReached").asLong()).isEqualTo(10);
    long sum = 0;
    for (String column : List.of("push", "email", "feedOnly", "notReached")) {
      sum += coverage.at("/total/" + column).asLong();
    }
    assertThat(sum).isEqualTo(eligible.size());
    Map<String, String> byDistrict = new LinkedHashMap<>();
    for (JsonNode row : coverage.path("districts")) {
      JsonNode c = row.path("counts");
      byDistrict.put(
          row.path("district").asText(),
          c.path("push").asLong()
              + "/"
              + c.path("email").asLong()
              + "/"
              + c.path("feedOnly").asLong()
              + "/"
              + c.path("notReached").asLong());
    }
    assertThat(byDistrict)
        .containsOnly(Map.entry(ICHIMI, "10/10/0/0"), Map.entry(NANOKA, "10/0/0/10"));
  }
}
