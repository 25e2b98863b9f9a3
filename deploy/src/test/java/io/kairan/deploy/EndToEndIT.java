package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kairan.api.device.DeviceRegistration;
import io.kairan.api.notice.NoticeDraft;
import io.kairan.api.security.Role;
import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.stack.ApiClient;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.deploy.stack.Waits;
import io.kairan.ingest.cli.IngestCli;
import io.kairan.ingest.publish.KnownNotices;
import io.kairan.ingest.site.GsiSiteFile;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import io.kairan.push.fcmlocal.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One notice travels the whole path on the real components: API (or the ingest CLI) → Kafka → Flink
 * → Kafka → Elasticsearch (feed) and → Firebase Admin SDK → local FCM server (push).
 *
 * <p>The job decides on a fixed instant, 12:00 in Aizuwakamatsu: outside any quiet hours here and
 * before the 18:00 digest. Push and the feed run on the wall clock (push does not send a delivery
 * decided more than 48 hours ago), so that instant is the last noon before the class starts;
 * children's ages are counted from its year. "Nobody else got it" is asserted only after a later
 * marker notice has reached those residents ({@link #movedPast}).
 */
class EndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Instant NOW = AizuNoon.last();

  /** A child of four at {@link #NOW}. */
  private static final int FOUR_YEARS_AGO = NOW.atZone(ZoneOffset.UTC).getYear() - 4;

  /**
   * Valid at the job's instant, and for years after it for the feed, which reads the wall clock.
   */
  private static final Validity VALIDITY = new Validity(NOW, NOW.plus(Duration.ofDays(3650)));

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

  private static ResidentProfile profile(String district, List<Integer> children) {
    return profile("072028", district, null, children);
  }

  private static ResidentProfile profile(
      String municipality, String district, GeoPoint home, List<Integer> children) {
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    consents.put(Category.CHILDCARE, new Consent(true, NOW));
    consents.put(Category.GARBAGE, new Consent(true, NOW));
    // No quiet hours (and the built-in rule set has no default): important notices push now.
    return new ResidentProfile(
        "ignored",
        municipality,
        district,
        home,
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

  /**
   * The feed's notice ids; an error answer throws, so a wait tries again and an assertion fails.
   */
  private static List<String> feedNoticeIds(String token) throws Exception {
    var response = api.get("/api/v1/me/feed", token);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("feed: " + response.statusCode() + " " + response.body());
    }
    return Json.mapper().readTree(response.body()).findValuesAsText("noticeId");
  }

  private static NoticeDraft draft(
      Category category, Severity severity, Audience audience, String title) {
    return new NoticeDraft(
        "072028",
        category,
        Map.of("ja", title),
        Map.of(),
        null,
        null,
        VALIDITY,
        severity,
        audience);
  }

  @Test
  void aNoticeReachesExactlyItsResidentsInTheirFeedsAndAsPushes() throws Exception {
    String parent = optIn("e2e-parent", profile("北会津町", List.of(FOUR_YEARS_AGO)));
    String elsewhere = optIn("e2e-elsewhere", profile("湊町", List.of(FOUR_YEARS_AGO)));
    String childless = optIn("e2e-childless", profile("北会津町", List.of()));
    String city = stack.tokens().publisher("kodomo-ka", "こども家庭課", "DEPARTMENT", "072028");

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

    movedPast(allowance, "072028", Map.of("e2e-elsewhere", elsewhere, "e2e-childless", childless));
    // Other tests' residents share the stack: of these three, only the parent is in the audience.
    Set<String> these = Set.of("e2e-parent", "e2e-elsewhere", "e2e-childless");
    assertThat(deliveries(Topics.DELIVERIES, allowance))
        .extracting(Delivery::residentId)
        .filteredOn(these::contains)
        .containsExactly("e2e-parent");
    assertThat(feedNoticeIds(elsewhere)).contains(cityWide).doesNotContain(allowance);
    assertThat(feedNoticeIds(childless)).contains(cityWide).doesNotContain(allowance);
    assertThat(pushesOf(allowance))
        .filteredOn(m -> these.contains(m.token().replaceFirst("^token-", "")))
        .extracting(ReceivedMessage::token, ReceivedMessage::title)
        .containsExactly(tuple("token-e2e-parent", "児童手当の申請"));
    // The city-wide notice was decided for each of them before the allowance or the marker.
    assertThat(pushesOf(cityWide))
        .filteredOn(m -> these.contains(m.token().replaceFirst("^token-", "")))
        .as("info notices go to the feed only")
        .isEmpty();

    var figures =
        Json.mapper().readTree(api.get("/api/v1/notices/" + allowance + "/figures", city).body());
    assertThat(figures.path("minimumGroup").asInt()).isEqualTo(10);
    assertThat(figures.path("residents").isNull())
        .as("one resident is below the minimum group")
        .isTrue();
    String otherDepartment = stack.tokens().publisher("kankyo-ka", "環境課", "DEPARTMENT", "072028");
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
    // Bound to the code the draft names, so the code's own fault is what is reported.
    String city = stack.tokens().publisher("kodomo-ka", "こども家庭課", "DEPARTMENT", "072029");
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
    optIn("e2e-calm-kitaaizu", profile("北会津町", List.of(FOUR_YEARS_AGO)));
    // What the API refuses, written straight to the topic as a faulty producer could: quiet hours
    // of 25:00 once failed the decide stage and with it every later delivery.
    ObjectNode sleepless =
        Json.mapper().valueToTree(profile("湊町", List.of()).withId("e2e-sleepless", NOW));
    sleepless.putObject("quietHours").put("start", "25:00").put("end", "07:00");
    try (var producer = producer()) {
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

    String city = stack.tokens().publisher("bousai-ka", "危機管理課", "DEPARTMENT", "072028");
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

  @Test
  void aCapAlertWithACircleReachesOnlyTheResidentsWhoseHomeIsInsideIt(@TempDir Path dir)
      throws Exception {
    // 追手町 and 北会津町下荒井, two of the city's towns about 6 km apart.
    optIn(
        "e2e-cap-otemachi",
        profile("072028", "追手町", new GeoPoint(37.488529, 139.930187), List.of()));
    optIn(
        "e2e-cap-shimoarai",
        profile("072028", "北会津町", new GeoPoint(37.504958, 139.86386), List.of()));

    // The CAP connector keeps a circle within 1 km of 追手町 as the audience.
    alertReachesOnly(
        importCap(
            dir,
            "鶴ヶ城周辺 避難指示（訓練）",
            "<area><areaDesc>追手町周辺</areaDesc><circle>37.488529,139.930187 1</circle></area>"),
        "e2e-cap-otemachi",
        "e2e-cap-shimoarai",
        "072028");
  }

  @Test
  void aCapAlertWithTheCitysJisGeocodeReachesItsResidentsAndNoResidentOfAnotherCity(
      @TempDir Path dir) throws Exception {
    optIn("e2e-jis-aizu", profile("072028", "湊町", null, List.of()));
    // A resident of 福島市 (072010) in the same deployment.
    optIn("e2e-jis-fukushima", profile("072010", "大町", null, List.of()));

    alertReachesOnly(
        importCap(
            dir,
            "大雨特別警報（訓練）",
            "<area><areaDesc>会津若松市</areaDesc><geocode><valueName>JISX0402</valueName>"
                + "<value>07202</value></geocode></area>"),
        "e2e-jis-aizu",
        "e2e-jis-fukushima",
        "072010");
  }

  /**
   * The alert reaches the first resident (feed and push) and, once the pipeline has moved past it,
   * is nowhere for the second (no delivery, not in the feed, no push).
   */
  private static void alertReachesOnly(
      String alert, String reached, String missed, String missedMunicipality) throws Exception {
    String reachedToken = stack.tokens().resident(reached);
    Waits.until(
        "the alert in the feed of " + reached,
        PATIENCE,
        () -> feedNoticeIds(reachedToken).contains(alert));
    Waits.until(
        "the alert pushed to " + reached,
        PATIENCE,
        () -> pushedTo(alert).contains("token-" + reached));

    String missedToken = stack.tokens().resident(missed);
    movedPast(alert, missedMunicipality, Map.of(missed, missedToken));
    assertThat(deliveries(Topics.DELIVERIES, alert))
        .extracting(Delivery::residentId)
        .contains(reached)
        .doesNotContain(missed);
    assertThat(feedNoticeIds(missedToken)).doesNotContain(alert);
    assertThat(pushedTo(alert)).doesNotContain("token-" + missed);
  }

  /**
   * Imports a CAP 1.2 alert (Extreme, Observed: an emergency; sent at the job's instant, expiring
   * with {@link #VALIDITY}) for 会津若松市 with the ingest CLI, and returns its notice's id.
   */
  private static String importCap(Path dir, String headline, String areas) throws Exception {
    String identifier = "e2e-" + UUID.randomUUID();
    Path file = dir.resolve(identifier + ".cap.xml");
    Files.writeString(
        file,
        """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>%s</identifier>
        <sender>bousai@city.aizuwakamatsu.example</sender><sent>%s</sent><status>Actual</status>
        <msgType>Alert</msgType><scope>Public</scope><info><language>ja</language>
        <category>Met</category><event>避難指示</event><urgency>Immediate</urgency>
        <severity>Extreme</severity><certainty>Observed</certainty><expires>%s</expires>
        <headline>%s</headline><description>訓練です。</description>%s</info></alert>
        """
            .formatted(identifier, NOW, VALIDITY.until(), headline, areas));
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit =
        IngestCli.run(
            new String[] {
              "import",
              file.toString(),
              "--format",
              "cap",
              "--municipality",
              "072028",
              "--bootstrap-servers",
              stack.kafkaBootstrapServers()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(exit).as(out + "\n" + err).isZero();
    List<Notice> imported =
        KnownNotices.read(stack.kafkaBootstrapServers(), id -> id.startsWith("cap-"))
            .values()
            .stream()
            .filter(n -> headline.equals(n.title().get("ja")))
            .toList();
    assertThat(imported).hasSize(1);
    Notice notice = imported.get(0);
    assertThat(notice.severity()).isEqualTo(Severity.EMERGENCY);
    return notice.id();
  }

  @Test
  void aCorrectionReachesEveryoneSentTheMistakeEvenOneWhoMovedAwayAndNobodyElse() throws Exception {
    String mover = optIn("e2e-mover", profile("北会津町", List.of(FOUR_YEARS_AGO)));
    String stayer = optIn("e2e-stayer", profile("北会津町", List.of(FOUR_YEARS_AGO)));
    String bystander = optIn("e2e-bystander", profile("湊町", List.of(FOUR_YEARS_AGO)));
    knownToTheJobAndPush("072028", Map.of("e2e-mover", mover, "e2e-stayer", stayer));
    String city = stack.tokens().publisher("kenko-ka", "健康増進課", "DEPARTMENT", "072028");
    NoticeDraft checkUp =
        draft(
            Category.CHILDCARE,
            Severity.IMPORTANT,
            new Audience.InDistrict(List.of("北会津町")),
            "乳幼児健診は12月5日です");
    String notice = post(city, checkUp);
    Waits.until(
        "the check-up pushed to both residents of 北会津町",
        PATIENCE,
        () -> pushedTo(notice).containsAll(List.of("token-e2e-mover", "token-e2e-stayer")));

    // The mover leaves the audience: a notice for 湊町 reaching them proves the job knows it.
    assertThat(
            api.put("/api/v1/me/profile", mover, profile("湊町", List.of(FOUR_YEARS_AGO)))
                .statusCode())
        .isEqualTo(200);
    String minato =
        post(
            city,
            draft(
                Category.CHILDCARE,
                Severity.INFO,
                new Audience.InDistrict(List.of("湊町")),
                "湊町の子育て広場"));
    Waits.until(
        "the 湊町 notice in the mover's feed", PATIENCE, () -> feedNoticeIds(mover).contains(minato));

    ObjectNode correction =
        Json.mapper()
            .valueToTree(
                draft(
                    Category.CHILDCARE,
                    Severity.IMPORTANT,
                    new Audience.InDistrict(List.of("北会津町")),
                    "乳幼児健診は12月6日です"));
    correction.putObject("whatChanged").put("ja", "日付は12月5日ではなく12月6日です。");
    var corrected =
        api.send(
            "POST",
            "/api/v1/notices/" + notice + "/correct",
            city,
            Json.write(correction),
            "If-Match",
            "\"1\"");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

    Waits.until(
        "the correction pushed to the mover and the stayer",
        PATIENCE,
        () ->
            pushesOf(notice).stream()
                .filter(m -> m.title().equals("【訂正】乳幼児健診は12月6日です"))
                .map(ReceivedMessage::token)
                .toList()
                .containsAll(List.of("token-e2e-mover", "token-e2e-stayer")));
    movedPast(notice, "072028", Map.of("e2e-bystander", bystander));

    Set<String> these = Set.of("e2e-mover", "e2e-stayer", "e2e-bystander");
    // Once each; the stayer by whichever comes first, the match or the list of who was sent it.
    assertThat(deliveries(Topics.DELIVERIES, notice))
        .filteredOn(d -> these.contains(d.residentId()) && d.noticeVersion() == 2)
        .extracting(Delivery::residentId)
        .containsExactlyInAnyOrder("e2e-mover", "e2e-stayer");
    assertThat(deliveries(Topics.DELIVERIES, notice))
        .filteredOn(d -> d.residentId().equals("e2e-mover") && d.noticeVersion() == 2)
        .extracting(Delivery::reasons)
        .containsExactly(List.of("you were sent an earlier version of this notice"));
    assertThat(feedNoticeIds(bystander)).doesNotContain(notice);
    var item = feedItem(mover, notice);
    assertThat(item.path("version").asInt()).isEqualTo(2);
    assertThat(item.path("correction").path("ja").asText()).isEqualTo("日付は12月5日ではなく12月6日です。");
  }

  @Test
  void anEmergencyAboutAFloodTellsEachResidentTheNearestFloodSafeSiteAndAShelterForTheirNeeds()
      throws Exception {
    DemoLoader.publishSites(stack.kafkaBootstrapServers(), SAMPLES, NOW);
    // Sites and notices are separate streams: an alert decided before the job has read every site
    // would be advised from those it has. The job's group commits a topic on each checkpoint.
    long sites = TopicRecords.end(stack.kafkaBootstrapServers(), Topics.SITES);
    Waits.until(
        "every site in the job's checkpointed state",
        PATIENCE,
        () -> stack.kafka().committed("kairan-recommender", Topics.SITES) >= sites);
    GeoPoint home = new GeoPoint(37.4947, 139.9298); // near 会津若松市役所
    ResidentProfile elderly =
        new ResidentProfile(
            "ignored",
            "072028",
            "栄町",
            home,
            1940,
            List.of(),
            List.of("ja"),
            Set.of(),
            Map.of(),
            null,
            "Asia/Tokyo",
            Set.of("elderly"),
            null);
    String resident = optIn("e2e-elderly", elderly);
    // The reference: every site of the city's files, by plain haversine distance.
    var evacuation =
        GsiSiteFile.read(
            Files.readAllBytes(
                SAMPLES.resolve("city/aizuwakamatsu_designated_emergency_evacuation_sites.csv")),
            SiteKind.EVACUATION_SITE,
            "072028");
    var shelters =
        GsiSiteFile.read(
            Files.readAllBytes(SAMPLES.resolve("city/aizuwakamatsu_designated_shelters.csv")),
            SiteKind.SHELTER,
            "072028");
    Comparator<EvacuationSite> nearest =
        Comparator.comparingDouble((EvacuationSite s) -> Geo.distanceKm(home, s.location()))
            .thenComparing(EvacuationSite::id);
    EvacuationSite floodSafe =
        evacuation.sites().stream()
            .filter(s -> s.safeFor().contains(Hazard.FLOOD))
            .min(nearest)
            .orElseThrow();
    EvacuationSite forElderly =
        shelters.sites().stream()
            .filter(s -> s.accepts().contains("高齢者") || s.accepts().contains("要配慮者"))
            .min(nearest)
            .orElseThrow();

    String city = stack.tokens().publisher("bousai-ka", "危機管理課", "DEPARTMENT", "072028");
    NoticeDraft flood =
        draft(
            Category.DISASTER,
            Severity.EMERGENCY,
            new Audience.InDistrict(List.of("栄町")),
            "洪水の避難指示（訓練）");
    String notice =
        post(
            city,
            new NoticeDraft(
                flood.municipalityCode(),
                flood.category(),
                flood.title(),
                flood.body(),
                null,
                null,
                flood.validity(),
                flood.severity(),
                flood.audience(),
                null,
                null,
                Hazard.FLOOD));

    Waits.until(
        "the flood alert in the resident's feed",
        PATIENCE,
        () -> feedNoticeIds(resident).contains(notice));
    var item = feedItem(resident, notice);
    assertThat(item.path("sites").get(0).path("reason").asText()).isEqualTo("SAFE_FOR_HAZARD");
    assertThat(item.path("sites").get(0).path("siteId").asText()).isEqualTo(floodSafe.id());
    assertThat(item.path("sites").get(0).path("distanceKm").asDouble())
        .isCloseTo(Geo.distanceKm(home, floodSafe.location()), within(1e-6));
    assertThat(item.path("sites").get(1).path("reason").asText()).isEqualTo("TAKES_IN_YOUR_NEEDS");
    assertThat(item.path("sites").get(1).path("siteId").asText()).isEqualTo(forElderly.id());
  }

  @Test
  void anEmergencysCoverageCountsWhoItReachedAndAnOperatorWithAPurposeGetsWhoItDidNot()
      throws Exception {
    var pushed = new java.util.ArrayList<String>();
    for (int i = 0; i < 12; i++) {
      optIn("e2e-oto-" + i, profile("大戸町", List.of()));
      pushed.add("token-e2e-oto-" + i);
    }
    // Opted in without a device: nothing can reach them but the city's own fallback.
    String unreachable = stack.tokens().resident("e2e-oto-nodevice");
    assertThat(api.put("/api/v1/me/profile", unreachable, profile("大戸町", List.of())).statusCode())
        .isEqualTo(200);
    String city = stack.tokens().publisher("bousai-ka", "危機管理課", "DEPARTMENT", "072028");
    String operator =
        stack.tokens().token("ops-1", "OPERATOR", Map.of("municipality_code", "072028"));
    String notice =
        post(
            city,
            draft(
                Category.DISASTER,
                Severity.EMERGENCY,
                new Audience.InDistrict(List.of("大戸町")),
                "土砂災害の避難指示（訓練）"));

    // Complete once the 13 deliveries and the 12 pushes are in the read model.
    Waits.until(
        "the figures of all 13 residents and 12 pushes",
        PATIENCE,
        () -> {
          var f =
              Json.mapper()
                  .readTree(api.get("/api/v1/notices/" + notice + "/figures", city).body());
          return f.path("residents").asLong() == 13 && f.path("pushed").asLong() == 12;
        });
    var coverage =
        Json.mapper().readTree(api.get("/api/v1/notices/" + notice + "/coverage", operator).body());
    // 12 pushed, 0 in the feed only, 1 not reached: with the 13 residents the figures show, any
    // other count would give the 1 away, so only the total is shown.
    assertThat(coverage.path("residents").asLong()).isEqualTo(13);
    assertThat(coverage.at("/total/push").isNull()).isTrue();
    assertThat(coverage.at("/total/notReached").isNull()).isTrue();
    assertThat(coverage.path("districts").get(0).path("district").asText()).isEqualTo("大戸町");
    assertThat(coverage.at("/districts/0/counts/push").isNull()).isTrue();
    assertThat(coverage.at("/districts/0/counts/notReached").isNull()).isTrue();

    var noPurpose = api.post("/api/v1/notices/" + notice + "/coverage/not-reached", operator, "{}");
    assertThat(noPurpose.statusCode()).isEqualTo(400);
    assertThat(
            api.post(
                    "/api/v1/notices/" + notice + "/coverage/not-reached",
                    city,
                    "{\"purpose\":\"phone tree for 大戸町\"}")
                .statusCode())
        .as("a department does not get residents' ids")
        .isEqualTo(403);
    var list =
        api.post(
            "/api/v1/notices/" + notice + "/coverage/not-reached",
            operator,
            "{\"purpose\":\"民生委員 call round for 大戸町\"}");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    var residents = Json.mapper().readTree(list.body()).path("residents");
    assertThat(residents.size()).isEqualTo(1);
    assertThat(residents.get(0).path("residentId").asText()).isEqualTo("e2e-oto-nodevice");
    assertThat(residents.get(0).path("reason").asText()).isEqualTo("NOT_REACHED_NO_PUSH");
    assertThat(
            TopicRecords.all(stack.kafkaBootstrapServers(), "operator-access.v1").stream()
                .filter(r -> notice.equals(r.key()))
                .map(r -> r.value()))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("\"operator\":\"ops-1\"")
        .contains("民生委員 call round for 大戸町")
        .contains("\"residents\":1");
  }

  /** The resident's feed item of this notice, as the API answers it. */
  private static com.fasterxml.jackson.databind.JsonNode feedItem(String token, String noticeId)
      throws Exception {
    var feed = Json.mapper().readTree(api.get("/api/v1/me/feed", token).body());
    return java.util.stream.StreamSupport.stream(feed.spliterator(), false)
        .filter(i -> noticeId.equals(i.path("noticeId").asText()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Proves that the pipeline has moved past a notice for these residents (id to token): writes an
   * important marker notice for their municipality to the notice's own partition of notices.v1, and
   * waits until it is in each resident's feed and its push result is on push-results.v1. The job
   * reads a partition in order and keys deliveries by resident, and the indexer and push read those
   * in order: whatever the notice gave these residents is by then on deliveries.v1, indexed and
   * pushed.
   */
  private static void movedPast(String noticeId, String municipality, Map<String, String> residents)
      throws Exception {
    markerReaches(partitionOf(noticeId), municipality, residents);
  }

  /**
   * Waits until the job knows these residents' profiles and push their devices (id to token): a
   * marker notice reaches each of them as a push. Profiles, devices and notices are separate
   * streams, and a notice the job reads before a resident's profile reaches that resident only as
   * their profile's catch-up, in the feed and never pushed.
   */
  private static void knownToTheJobAndPush(String municipality, Map<String, String> residents)
      throws Exception {
    markerReaches(0, municipality, residents);
  }

  /** Writes a marker notice for everyone of the municipality and waits until it reaches these. */
  private static void markerReaches(
      int partition, String municipality, Map<String, String> residents) throws Exception {
    String marker = "e2e-marker-" + UUID.randomUUID();
    Notice notice =
        new Notice(
            marker,
            1,
            new Publisher("e2e-marker", "目印", PublisherKind.DEPARTMENT),
            municipality,
            Category.CHILDCARE,
            Map.of("ja", "目印"),
            Map.of(),
            null,
            null,
            VALIDITY,
            Severity.IMPORTANT,
            NoticeStatus.PUBLISHED,
            new Audience.Everyone(),
            NOW);
    try (var producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.NOTICES, partition, marker, Json.write(notice)));
    }
    for (var resident : residents.entrySet()) {
      Waits.until(
          "the marker " + marker + " in the feed of " + resident.getKey(),
          PATIENCE,
          () -> feedNoticeIds(resident.getValue()).contains(marker));
    }
    Waits.until(
        "the marker " + marker + " pushed to " + residents.keySet(),
        PATIENCE,
        () ->
            TopicRecords.all(stack.kafkaBootstrapServers(), Topics.PUSH_RESULTS).stream()
                .map(r -> Json.read(r.value(), PushResult.class))
                .filter(r -> marker.equals(r.noticeId()))
                .map(PushResult::residentId)
                .collect(Collectors.toSet())
                .containsAll(residents.keySet()));
  }

  /** The partition of notices.v1 a notice was published to. */
  private static int partitionOf(String noticeId) throws InterruptedException {
    int[] partition = {-1};
    Waits.until(
        noticeId + " on " + Topics.NOTICES,
        PATIENCE,
        () -> {
          TopicRecords.all(stack.kafkaBootstrapServers(), Topics.NOTICES).stream()
              .filter(r -> noticeId.equals(r.key()))
              .findFirst()
              .ifPresent(r -> partition[0] = r.partition());
          return partition[0] >= 0;
        });
    return partition[0];
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> pushedTo(String noticeId) {
    return pushesOf(noticeId).stream().map(ReceivedMessage::token).toList();
  }

  private static List<ReceivedMessage> pushesOf(String noticeId) {
    return stack.fcm().received().stream()
        .filter(m -> noticeId.equals(m.data().get("noticeId")))
        .toList();
  }

  @Test
  void anAnalystsRuleSetsTakeOverTheRunningJobAndAShadowSetOnlyWritesItsOwnTopic()
      throws Exception {
    String rules = optIn("e2e-rules", profile("河東町", List.of()));
    String city = stack.tokens().publisher("kankyo-ka", "環境課", "DEPARTMENT", "072028");
    String analyst = stack.tokens().token("analyst", Role.ANALYST.name(), Map.of());
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
      movedPast(noticeId, "072028", Map.of("e2e-rules", rules));
      assertThat(pushesOf(noticeId)).as("the digest is not pushed now").isEmpty();
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
