package io.kairan.push.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.model.site.SiteAdvice;
import io.kairan.push.Fixtures;
import io.kairan.push.ServiceParts;
import io.kairan.push.fcmlocal.LocalFcmServer.TopicMessage;
import io.kairan.push.fcmlocal.ReceivedMessage;
import io.kairan.push.state.SentLedger;
import io.kairan.push.topic.DistrictTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An emergency for whole districts in two stages, through the real sender and Admin SDK against the
 * local FCM server on an injected clock: stage one, one minimal message per district and first
 * language, before any device's message; stage two, each device's message naming its evacuation
 * site in the resident's language.
 */
class TwoStageEmergencyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String MINATO = "湊町";
  private static final String KITA = "北会津町";
  private final ServiceParts parts = ServiceParts.startingAt(NOW);

  @AfterEach
  void stop() {
    parts.close();
  }

  private static SiteAdvice safeSite(String name, double km) {
    return new SiteAdvice(
        SiteAdvice.SAFE_FOR_HAZARD, "s-1", name, "会津若松市城東町", new GeoPoint(37.4877, 139.9301), km);
  }

  private static SiteAdvice shelter(String name, double km) {
    return new SiteAdvice(
        SiteAdvice.TAKES_IN_YOUR_NEEDS,
        "h-1",
        name,
        "会津若松市追手町",
        new GeoPoint(37.4948, 139.9298),
        km);
  }

  /** An emergency delivery of version {@code version} naming these sites. */
  private static Delivery quake(
      String residentId, int version, Map<String, String> title, List<SiteAdvice> sites) {
    return Fixtures.emergency("n-quake", version, residentId, title, sites, NOW);
  }

  private static Delivery quake(String residentId, int version) {
    return quake(
        residentId,
        version,
        Map.of("ja", "避難指示", "en", "Evacuation order"),
        List.of(safeSite("鶴城小学校", 1.23)));
  }

  /** The emergency for 湊町 and 北会津町, this version, known to push. */
  private void quakeNotice(int version) {
    parts.notices.add(
        Fixtures.notice(
            "n-quake",
            version,
            Severity.EMERGENCY,
            NoticeStatus.PUBLISHED,
            new Audience.InDistrict(List.of(MINATO, KITA)),
            NOW,
            NOW.plusSeconds(3600)));
  }

  /** A resident with one device (token tok-{id}) reading {@code languages}. */
  private void resident(String id, List<String> languages) {
    parts.devices.put(Fixtures.device("d-" + id, id, "tok-" + id, "ja"));
    parts.languages.put(id, languages, TOKYO);
  }

  private Dispatcher dispatcher(SentLedger ledger, PushSettings settings) {
    return parts.dispatcher(ledger, parts.recorder(ledger), settings);
  }

  private Dispatcher defaults(SentLedger ledger) {
    return dispatcher(ledger, new PushSettings(false, null));
  }

  /** The number the local server gives each accepted message, in the order it accepted them. */
  private static long serial(String messageId) {
    return Long.parseLong(messageId.substring(messageId.lastIndexOf('/') + 1));
  }

  private Map<String, ReceivedMessage> byToken() {
    return parts.fcm.server().received().stream()
        .collect(Collectors.toMap(ReceivedMessage::token, m -> m));
  }

  private static String body(String json) {
    return Json.read(json, Map.class).get("notification") instanceof Map<?, ?> n
        ? (String) n.get("body")
        : null;
  }

  @Test
  void stageOneGoesOutOncePerDistrictAndLanguageBeforeAnyStageTwoSend() throws Exception {
    resident("r-ja", List.of("ja"));
    resident("r-en", List.of("en", "ja"));
    resident("r-ja2", List.of("ja"));
    quakeNotice(1);
    Dispatcher dispatcher = defaults(SentLedger.standalone(parts.clock));

    dispatcher.push(List.of(quake("r-ja", 1), quake("r-en", 1)));
    dispatcher.push(List.of(quake("r-ja2", 1))); // the notice's later deliveries

    assertThat(parts.fcm.server().topicMessages())
        .extracting(TopicMessage::topic, TopicMessage::title)
        .containsExactlyInAnyOrder(
            tuple(DistrictTopics.of("072028", MINATO, "ja"), "避難指示"),
            tuple(DistrictTopics.of("072028", MINATO, "en"), "Evacuation order"),
            tuple(DistrictTopics.of("072028", KITA, "ja"), "避難指示"),
            tuple(DistrictTopics.of("072028", KITA, "en"), "Evacuation order"));
    long lastStageOne =
        parts.fcm.server().topicMessages().stream()
            .mapToLong(m -> serial(m.messageId()))
            .max()
            .orElseThrow();
    assertThat(parts.fcm.server().received())
        .extracting(ReceivedMessage::token)
        .containsExactlyInAnyOrder("tok-r-ja", "tok-r-en", "tok-r-ja2");
    assertThat(parts.fcm.server().received())
        .allSatisfy(m -> assertThat(serial(m.messageId())).isGreaterThan(lastStageOne));
  }

  @Test
  void stageOneCarriesTheTitleAndSeverityAndNothingAboutAnyResident() throws Exception {
    resident("r-ja", List.of("ja"));
    quakeNotice(1);
    Delivery delivery =
        quake(
            "r-ja",
            1,
            Map.of("ja", "避難指示"),
            List.of(safeSite("鶴城小学校", 1.23), shelter("会津若松市役所", 0.4)));

    defaults(SentLedger.standalone(parts.clock)).push(List.of(delivery));

    assertThat(parts.fcm.server().topicMessages())
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.title()).isEqualTo("避難指示");
              assertThat(m.data())
                  .isEqualTo(
                      Map.of(
                          "noticeId", "n-quake",
                          "noticeVersion", "1",
                          "severity", "EMERGENCY",
                          "stage", "1"));
              assertThat(body(m.json())).isNull();
              assertThat(m.json())
                  .doesNotContain("r-ja", delivery.id(), "tok-r-ja", "鶴城小学校", "会津若松市役所", "1.2");
            });
  }

  @Test
  void stageTwoNamesTheSiteInTheResidentsLanguageAndCarriesTheSiteAndTheShelterInItsData()
      throws Exception {
    resident("r-ja", List.of("ja"));
    resident("r-en", List.of("en"));
    resident("r-vi", List.of("vi")); // no lines in Vietnamese: easy Japanese
    quakeNotice(1);
    List<SiteAdvice> sites = List.of(safeSite("鶴城小学校", 1.23), shelter("会津若松市役所", 0.38));

    defaults(SentLedger.standalone(parts.clock))
        .push(
            List.of(
                quake("r-ja", 1, Map.of("ja", "避難指示"), sites),
                quake("r-en", 1, Map.of("ja", "避難指示"), sites),
                quake("r-vi", 1, Map.of("ja", "避難指示"), sites)));

    Map<String, ReceivedMessage> sent = byToken();
    // The shelter for the resident's needs is in the data only: a lock screen is seen by others.
    assertThat(body(sent.get("tok-r-ja").json())).isEqualTo("避難先: 鶴城小学校（1.2 km）");
    assertThat(body(sent.get("tok-r-en").json())).isEqualTo("Go to: 鶴城小学校 (1.2 km)");
    assertThat(body(sent.get("tok-r-vi").json())).isEqualTo("にげる ところ: 鶴城小学校（1.2 km）");
    assertThat(sent.get("tok-r-ja").data())
        .containsAllEntriesOf(
            Map.of(
                "siteName", "鶴城小学校",
                "siteDistanceKm", "1.2",
                "siteLat", "37.48770",
                "siteLon", "139.93010",
                "shelterName", "会津若松市役所",
                "shelterDistanceKm", "0.4",
                "shelterLat", "37.49480",
                "shelterLon", "139.92980",
                "stage", "2"));
  }

  @Test
  void stageTwoReplacesStageOnesNotificationByTagAndCollapseKey() throws Exception {
    resident("r-ja", List.of("ja"));
    quakeNotice(1);

    defaults(SentLedger.standalone(parts.clock)).push(List.of(quake("r-ja", 1)));

    Map<?, ?> stageOne =
        (Map<?, ?>) Json.read(parts.fcm.server().topicMessages().get(0).json(), Map.class);
    Map<?, ?> stageTwo =
        (Map<?, ?>) Json.read(parts.fcm.server().received().get(0).json(), Map.class);
    for (Map<?, ?> m : List.of(stageOne, stageTwo)) {
      Map<?, ?> android = (Map<?, ?>) m.get("android");
      assertThat(android.get("collapse_key")).isEqualTo("n-quake");
      assertThat(((Map<?, ?>) android.get("notification")).get("tag")).isEqualTo("n-quake");
      assertThat(((Map<?, ?>) ((Map<?, ?>) m.get("apns")).get("headers")).get("apns-collapse-id"))
          .isEqualTo("n-quake");
    }
  }

  @Test
  void aRestartedServiceDoesNotSendStageOneAgainButDoesForTheNextVersion() throws Exception {
    resident("r-1", List.of("ja"));
    resident("r-2", List.of("ja"));
    quakeNotice(1);
    defaults(SentLedger.standalone(parts.clock)).push(List.of(quake("r-1", 1)));
    assertThat(parts.fcm.server().topicMessages()).hasSize(2);

    // The restarted service's ledger is what push-results.v1 holds.
    parts.clock.advance(Duration.ofMinutes(5));
    SentLedger afterRestart = SentLedger.standalone(parts.clock);
    parts.kafka.acknowledged(Topics.PUSH_RESULTS).stream()
        .map(r -> Json.read(r.value(), PushResult.class))
        .forEach(afterRestart::record);
    Dispatcher restarted = defaults(afterRestart);
    restarted.push(List.of(quake("r-1", 1), quake("r-2", 1)));

    assertThat(parts.fcm.server().topicMessages()).as("no stage one again").hasSize(2);
    assertThat(parts.fcm.server().received())
        .extracting(ReceivedMessage::token)
        .containsExactlyInAnyOrder("tok-r-1", "tok-r-2");

    quakeNotice(2);
    restarted.push(List.of(quake("r-1", 2)));

    assertThat(parts.fcm.server().topicMessages())
        .extracting(m -> m.data().get("noticeVersion"))
        .containsExactlyInAnyOrder("1", "1", "2", "2");
  }

  @Test
  void withStageOneOffAnEmergencyGoesOnlyDeviceByDevice() throws Exception {
    resident("r-ja", List.of("ja"));
    quakeNotice(1);

    dispatcher(SentLedger.standalone(parts.clock), new PushSettings(false, false))
        .push(List.of(quake("r-ja", 1)));

    assertThat(parts.fcm.server().topicMessages()).isEmpty();
    assertThat(parts.fcm.server().received())
        .extracting(ReceivedMessage::token)
        .containsExactly("tok-r-ja");
  }

  @Test
  void aDeviceOnItsDistrictTopicStillGetsStageTwoWhenItsDeliveryNamesASite() throws Exception {
    resident("r-ja", List.of("ja"));
    resident("r-plain", List.of("ja"));
    String minato = DistrictTopics.of("072028", MINATO, "ja");
    parts.subscriptions.districtOf("r-ja", minato);
    parts.subscriptions.districtOf("r-plain", minato);
    parts.subscriptions.flush();
    quakeNotice(1);

    dispatcher(SentLedger.standalone(parts.clock), new PushSettings(true, null))
        .push(
            List.of(
                quake("r-ja", 1),
                quake("r-plain", 1, Map.of("ja", "避難指示"), List.of()))); // no hazard: no site

    assertThat(parts.fcm.server().topicMessages())
        .filteredOn(m -> m.topic().equals(minato))
        .singleElement()
        .satisfies(m -> assertThat(m.subscribers()).isEqualTo(2));
    assertThat(parts.fcm.server().received())
        .as("the topic message stands for the push of the delivery without a site")
        .extracting(ReceivedMessage::token)
        .containsExactly("tok-r-ja");
  }

  @Test
  void longSiteNamesAreCutAndTheMessageStaysUnderFcms4Kb() throws Exception {
    resident("r-ja", List.of("ja"));
    quakeNotice(1);
    String longName = "長".repeat(1_000);
    String title = "題".repeat(200);

    defaults(SentLedger.standalone(parts.clock))
        .push(
            List.of(
                quake(
                    "r-ja",
                    1,
                    Map.of("ja", title),
                    List.of(safeSite(longName, 12.34), shelter(longName, 2.0)))));

    ReceivedMessage sent = parts.fcm.server().received().get(0);
    String cut = "長".repeat(99) + "…";
    assertThat(sent.data()).containsEntry("siteName", cut).containsEntry("shelterName", cut);
    assertThat(body(sent.json())).isEqualTo("避難先: " + cut + "（12.3 km）");
    assertThat(sent.json().getBytes(StandardCharsets.UTF_8).length).isLessThan(4096);
  }
}
