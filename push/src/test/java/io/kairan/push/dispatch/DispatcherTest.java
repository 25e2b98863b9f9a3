package io.kairan.push.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.push.Fixtures;
import io.kairan.push.KafkaStandIn;
import io.kairan.push.ServiceParts;
import io.kairan.push.fcm.LocalFcm;
import io.kairan.push.fcmlocal.ReceivedMessage;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.results.ResultsNotWrittenException;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.DistrictTopics;
import io.kairan.push.topic.SubscriptionKeeper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher with the real sender and Admin SDK against the local FCM server, and results
 * written through a KafkaTemplate to kafka-clients' MockProducer answered like a broker.
 */
class DispatcherTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private final ServiceParts parts = ServiceParts.startingAt(NOW);
  private final SentLedger ledger = SentLedger.standalone(parts.clock);
  private final DeviceRegistry devices = parts.devices;
  private final ResidentLanguages languages = parts.languages;
  private final NoticeBook notices = parts.notices;
  private final LocalFcm fcm = parts.fcm;
  private final SubscriptionKeeper subscriptions = parts.subscriptions;
  private final KafkaStandIn kafka = parts.kafka;

  @AfterEach
  void stop() {
    parts.close();
  }

  private Dispatcher dispatcher(boolean emergencyTopics) {
    return parts.dispatcher(ledger, parts.recorder(ledger), emergencyTopics);
  }

  /** Residents r-0 … r-(n-1), one device each, token tok-i. */
  private void residents(int n) {
    IntStream.range(0, n)
        .forEach(i -> devices.put(Fixtures.device("d-" + i, "r-" + i, "tok-" + i, "ja")));
  }

  private static List<Delivery> pushes(String noticeId, int residents) {
    return IntStream.range(0, residents)
        .mapToObj(i -> Fixtures.pushNow(noticeId, "r-" + i, Severity.IMPORTANT, NOW))
        .toList();
  }

  private Map<String, Long> perToken() {
    return fcm.server().received().stream()
        .collect(Collectors.groupingBy(ReceivedMessage::token, Collectors.counting()));
  }

  @Test
  void everyDeviceOfTheResidentGetsOneMessageAndOneResult() throws Exception {
    devices.put(Fixtures.device("phone", "r-1", "tok-phone", "ja"));
    devices.put(Fixtures.device("tablet", "r-1", "tok-tablet", "en"));
    devices.put(Fixtures.device("other", "r-2", "tok-other", "ja"));
    Delivery delivery = Fixtures.pushNow("n-1", "r-1", Severity.IMPORTANT, NOW);

    dispatcher(false).push(List.of(delivery));

    assertThat(perToken()).isEqualTo(Map.of("tok-phone", 1L, "tok-tablet", 1L));
    assertThat(kafka.acknowledged(Topics.PUSH_RESULTS))
        .extracting(r -> Json.read(r.value(), PushResult.class))
        .extracting(PushResult::deviceId, PushResult::outcome)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("phone", PushOutcome.SENT),
            org.assertj.core.groups.Tuple.tuple("tablet", PushOutcome.SENT));
  }

  @Test
  void aPushTheLedgerHoldsIsNotSentAgain() throws Exception {
    residents(3);
    Dispatcher dispatcher = dispatcher(false);
    dispatcher.push(pushes("n-1", 3));

    dispatcher.push(pushes("n-1", 3));

    assertThat(perToken()).isEqualTo(Map.of("tok-0", 1L, "tok-1", 1L, "tok-2", 1L));
  }

  @Test
  void aWithdrawnNoticeIsNotPushed() throws Exception {
    residents(1);
    notices.add(
        Fixtures.notice(
            "n-gone",
            2,
            Severity.IMPORTANT,
            NoticeStatus.WITHDRAWN,
            new Audience.Everyone(),
            NOW,
            NOW.plusSeconds(3600)));

    dispatcher(false).push(pushes("n-gone", 1));

    assertThat(fcm.server().received()).isEmpty();
    assertThat(kafka.acknowledged()).isEmpty();
  }

  @Test
  void aDuePushOfACategoryTheResidentWithdrewFromIsNotSentButAnEmergencyOfItIs() throws Exception {
    residents(2);
    // r-0 withdrew DISASTER (the fixtures' category) after the pushes were scheduled; r-1 did not.
    languages.putConsents("r-0", List.of(io.kairan.model.notice.Category.HEALTH));
    languages.putConsents("r-1", List.of(io.kairan.model.notice.Category.DISASTER));
    Instant scheduled = NOW.minusSeconds(3600);

    dispatcher(false)
        .push(
            List.of(
                Fixtures.pushAt("n-1", "r-0", scheduled, NOW),
                Fixtures.pushAt("n-1", "r-1", scheduled, NOW),
                Fixtures.pushNow("n-2", "r-0", Severity.EMERGENCY, NOW)));

    assertThat(fcm.server().received())
        .extracting(ReceivedMessage::token, m -> m.data().get("noticeId"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("tok-1", "n-1"),
            org.assertj.core.groups.Tuple.tuple("tok-0", "n-2"));
  }

  @Test
  void aRefreshedTokenReplacesTheOldOneWhetherReRegisteredOrReplacingAnotherDevice()
      throws Exception {
    // Re-registered under the same device id with a new token (the API's "id").
    devices.put(Fixtures.device("phone", "r-1", "tok-phone-old", "ja"));
    devices.put(Fixtures.device("phone", "r-1", "tok-phone-new", "ja"));
    // Registered anew, and the old device's tombstone (the API's "replaces").
    devices.put(Fixtures.device("tablet-old", "r-1", "tok-tablet-old", "ja"));
    devices.put(Fixtures.device("tablet-new", "r-1", "tok-tablet-new", "ja"));
    devices.remove("tablet-old");

    dispatcher(false).push(List.of(Fixtures.pushNow("n-1", "r-1", Severity.IMPORTANT, NOW)));

    assertThat(perToken()).isEqualTo(Map.of("tok-phone-new", 1L, "tok-tablet-new", 1L));
  }

  @Test
  void aDeliveryDecidedLongerAgoThanTheLedgerRemembersIsNotPushed() throws Exception {
    residents(2);
    Instant justRemembered = NOW.minus(SentLedger.RETENTION);
    Instant forgotten = justRemembered.minusSeconds(1);

    dispatcher(false)
        .push(
            List.of(
                Fixtures.pushNow("n-old", "r-0", Severity.IMPORTANT, forgotten),
                Fixtures.pushNow("n-old", "r-1", Severity.IMPORTANT, justRemembered)));

    assertThat(perToken()).isEqualTo(Map.of("tok-1", 1L));
  }

  @Test
  void eachChunksResultsAreAcknowledgedBeforeTheNextChunkIsSent() throws Exception {
    residents(1_200);
    List<Integer> receivedWhenAnswered = new ArrayList<>();
    kafka.beforeEachAnswer(() -> receivedWhenAnswered.add(fcm.server().received().size()));

    dispatcher(false).push(pushes("n-flood", 1_200));

    assertThat(receivedWhenAnswered).hasSize(1_200);
    assertThat(receivedWhenAnswered.subList(0, 500)).containsOnly(500);
    assertThat(receivedWhenAnswered.subList(500, 1_000)).containsOnly(1_000);
    assertThat(receivedWhenAnswered.subList(1_000, 1_200)).containsOnly(1_200);
  }

  @Test
  void whenTheBrokerRefusesTheResultsTheBatchFailsAndNoFurtherChunkIsSent() throws Exception {
    residents(600);
    kafka.refuse(true);

    assertThatThrownBy(() -> dispatcher(false).push(pushes("n-1", 600)))
        .isInstanceOf(ResultsNotWrittenException.class)
        .hasMessageStartingWith("500 of 500 writes");

    assertThat(fcm.server().received()).as("the first chunk only").hasSize(500);
    assertThat(
            IntStream.range(0, 600)
                .filter(i -> ledger.isDone(pushes("n-1", 600).get(i).id(), "d-" + i)))
        .as("nothing counted as sent")
        .isEmpty();
  }

  @Test
  void resultsTheBrokerRefusedAreWrittenAgainInsteadOfPushingAgain() throws Exception {
    residents(2);
    Dispatcher dispatcher = dispatcher(false);
    kafka.refuse(true);
    assertThatThrownBy(() -> dispatcher.push(pushes("n-1", 2)))
        .isInstanceOf(ResultsNotWrittenException.class);
    assertThatThrownBy(() -> dispatcher.push(pushes("n-1", 2)))
        .as("the retry while the broker still refuses sends nothing")
        .isInstanceOf(ResultsNotWrittenException.class);
    assertThat(fcm.server().received()).hasSize(2);

    kafka.refuse(false);
    dispatcher.push(pushes("n-1", 2));

    assertThat(perToken()).isEqualTo(Map.of("tok-0", 1L, "tok-1", 1L));
    assertThat(kafka.acknowledged(Topics.PUSH_RESULTS)).hasSize(2);
    assertThat(ledger.isDone(pushes("n-1", 2).get(0).id(), "d-0")).isTrue();
  }

  @Test
  void aStoppingDispatcherSendsNoFurtherChunk() throws Exception {
    residents(2);
    Dispatcher dispatcher = dispatcher(false);
    dispatcher.stop();

    assertThatThrownBy(() -> dispatcher.push(pushes("n-1", 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 pushes left");
    assertThat(fcm.server().received()).isEmpty();
  }

  @Test
  void anEmergencyForWholeDistrictsGoesToTheTopicOnceAndOnlyUnsubscribedDevicesOneByOne()
      throws Exception {
    residents(2);
    languages.put("r-0", List.of("ja"), TOKYO);
    languages.put("r-1", List.of("ja"), TOKYO);
    String minato = DistrictTopics.of("072028", "湊町", "ja");
    subscriptions.districtOf("r-0", minato);
    subscriptions.districtOf("r-1", minato);
    subscriptions.flush(); // both confirmed by the local server
    devices.put(Fixtures.device("d-new", "r-1", "tok-new", "ja")); // not yet subscribed
    notices.add(
        Fixtures.notice(
            "n-quake",
            1,
            Severity.EMERGENCY,
            NoticeStatus.PUBLISHED,
            new Audience.InDistrict(List.of("湊町")),
            NOW,
            NOW.plusSeconds(3600)));
    List<Delivery> quake =
        List.of(
            Fixtures.pushNow("n-quake", "r-0", Severity.EMERGENCY, NOW),
            Fixtures.pushNow("n-quake", "r-1", Severity.EMERGENCY, NOW));
    Dispatcher dispatcher = dispatcher(true);

    dispatcher.push(quake);
    dispatcher.push(quake);

    assertThat(fcm.server().topicMessages())
        .singleElement()
        .satisfies(m -> assertThat(m.topic()).isEqualTo(minato));
    assertThat(perToken()).isEqualTo(Map.of("tok-new", 1L));
    String topicMessageId = fcm.server().topicMessages().get(0).messageId();
    assertThat(kafka.acknowledged(Topics.PUSH_RESULTS))
        .extracting(r -> Json.read(r.value(), PushResult.class))
        .filteredOn(r -> r.deviceId().startsWith("d-"))
        .extracting(PushResult::deviceId, PushResult::fcmMessageId)
        .contains(
            org.assertj.core.groups.Tuple.tuple("d-0", topicMessageId),
            org.assertj.core.groups.Tuple.tuple("d-1", topicMessageId));
  }

  private static Delivery titled(String noticeId, String residentId, Map<String, String> title) {
    Delivery d = Fixtures.pushNow(noticeId, residentId, Severity.IMPORTANT, NOW);
    return new Delivery(
        d.id(),
        d.residentId(),
        d.noticeId(),
        d.noticeVersion(),
        d.category(),
        d.severity(),
        title,
        d.score(),
        d.reasons(),
        d.ruleVersion(),
        d.channel(),
        d.pushAt(),
        d.decidedAt());
  }

  @Test
  void aResidentWhoReadsEnglishGetsTheEnglishTitleOnAPhoneSetToJapanese() throws Exception {
    devices.put(Fixtures.device("phone", "r-1", "tok-phone", "ja"));
    languages.put("r-1", List.of("en"), TOKYO);

    dispatcher(false)
        .push(List.of(titled("n-1", "r-1", Map.of("ja", "避難指示", "en", "Evacuation order"))));

    assertThat(fcm.server().received())
        .singleElement()
        .satisfies(m -> assertThat(m.title()).isEqualTo("Evacuation order"));
  }

  @Test
  void aResidentWhoReadsVietnameseGetsEasyJapaneseBeforeJapanese() throws Exception {
    devices.put(Fixtures.device("phone", "r-1", "tok-phone", "vi"));
    languages.put("r-1", List.of("vi"), TOKYO);

    dispatcher(false)
        .push(
            List.of(titled("n-1", "r-1", Map.of("ja", "児童手当の申請", "ja-x-easy", "こどもの てあての もうしこみ"))));

    assertThat(fcm.server().received())
        .singleElement()
        .satisfies(m -> assertThat(m.title()).isEqualTo("こどもの てあての もうしこみ"));
  }

  @Test
  void aResidentPushDoesNotKnowGetsTheDevicesLocale() throws Exception {
    devices.put(Fixtures.device("phone", "r-1", "tok-phone", "en"));

    dispatcher(false)
        .push(List.of(titled("n-1", "r-1", Map.of("ja", "避難指示", "en", "Evacuation order"))));

    assertThat(fcm.server().received())
        .singleElement()
        .satisfies(m -> assertThat(m.title()).isEqualTo("Evacuation order"));
  }

  @Test
  void anEmergencyGoesToEachDistrictsTopicOfEachFirstLanguageWithTheTitleInThatLanguage()
      throws Exception {
    devices.put(Fixtures.device("d-ja", "r-ja", "tok-ja", "ja"));
    devices.put(Fixtures.device("d-en", "r-en", "tok-en", "ja"));
    devices.put(Fixtures.device("d-kita", "r-kita", "tok-kita", "ja"));
    languages.put("r-ja", List.of("ja", "en"), TOKYO);
    languages.put("r-en", List.of("en", "ja"), TOKYO);
    languages.put("r-kita", List.of("en"), TOKYO);
    subscriptions.districtOf("r-ja", DistrictTopics.of("072028", "湊町", "ja"));
    subscriptions.districtOf("r-en", DistrictTopics.of("072028", "湊町", "en"));
    subscriptions.districtOf("r-kita", DistrictTopics.of("072028", "北会津町", "en"));
    subscriptions.flush();
    notices.add(
        Fixtures.notice(
            "n-quake",
            1,
            Severity.EMERGENCY,
            NoticeStatus.PUBLISHED,
            new Audience.InDistrict(List.of("湊町", "北会津町")),
            NOW,
            NOW.plusSeconds(3600)));

    dispatcher(true)
        .push(
            List.of(
                Fixtures.pushNow("n-quake", "r-ja", Severity.EMERGENCY, NOW),
                Fixtures.pushNow("n-quake", "r-en", Severity.EMERGENCY, NOW),
                Fixtures.pushNow("n-quake", "r-kita", Severity.EMERGENCY, NOW)));

    assertThat(fcm.server().topicMessages())
        .extracting(m -> m.topic(), m -> m.title(), m -> m.subscribers())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(DistrictTopics.of("072028", "湊町", "ja"), "避難指示", 1),
            org.assertj.core.groups.Tuple.tuple(
                DistrictTopics.of("072028", "湊町", "en"), "Evacuation order", 1),
            org.assertj.core.groups.Tuple.tuple(
                DistrictTopics.of("072028", "北会津町", "ja"), "避難指示", 0),
            org.assertj.core.groups.Tuple.tuple(
                DistrictTopics.of("072028", "北会津町", "en"), "Evacuation order", 1));
    assertThat(fcm.server().received()).as("every device was covered by its topic").isEmpty();
  }
}
