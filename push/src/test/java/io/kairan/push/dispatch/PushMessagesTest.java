package io.kairan.push.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Severity;
import io.kairan.push.Fixtures;
import io.kairan.push.digest.Digest;
import io.kairan.push.fcm.LocalFcm;
import io.kairan.push.topic.DistrictTopics;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The FCM v1 message of a push as the local FCM server received it from the real Admin SDK, against
 * hand-written golden files (src/test/resources/io/kairan/push/dispatch): channel per severity,
 * APNs interruption level, the resident's language, collapse key, ids, and no body; and the daily
 * digest's message.
 */
class PushMessagesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private LocalFcm fcm;

  @BeforeEach
  void start() throws Exception {
    fcm = LocalFcm.start();
  }

  @AfterEach
  void stop() {
    fcm.close();
  }

  private static Delivery delivery(
      String noticeId, int version, Severity severity, Map<String, String> titles) {
    Delivery d = Fixtures.delivery(noticeId, version, "r-1", severity, Channel.PUSH_NOW, NOW, NOW);
    return new Delivery(
        d.id(),
        d.residentId(),
        d.noticeId(),
        d.noticeVersion(),
        d.category(),
        d.severity(),
        titles,
        d.score(),
        d.reasons(),
        d.ruleVersion(),
        d.channel(),
        d.pushAt(),
        d.decidedAt());
  }

  /**
   * Sends the delivery's message to a device of a resident who reads {@code language}; returns the
   * message object the server got.
   */
  private JsonNode sentTo(Delivery delivery, String token, String language) throws Exception {
    fcm.messaging()
        .send(
            PushMessages.of(delivery, Fixtures.device("d", "r-1", token, "ja"), List.of(language)));
    assertThat(fcm.server().received()).hasSize(1);
    return Json.mapper().readTree(fcm.server().received().get(0).json());
  }

  private static JsonNode golden(String name, String placeholder, String value)
      throws java.io.IOException {
    try (InputStream in = PushMessagesTest.class.getResourceAsStream(name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Json.mapper().readTree(text.replace(placeholder, value));
    }
  }

  @Test
  void anEmergencyIsCriticalOnTheEmergencyChannelInTheResidentsLanguage() throws Exception {
    Delivery quake =
        delivery("n-quake", 3, Severity.EMERGENCY, Map.of("ja", "避難指示", "en", "Evacuation order"));

    assertThat(sentTo(quake, "tok-en", "en"))
        .isEqualTo(golden("emergency-en.json", "${deliveryId}", quake.id()));
  }

  @Test
  void anImportantNoticeIsTimeSensitiveAndEasyJapaneseIsChosenForItsTag() throws Exception {
    Delivery allowance =
        delivery(
            "n-allowance",
            1,
            Severity.IMPORTANT,
            Map.of("ja", "児童手当の申請", "ja-x-easy", "こどもの てあての もうしこみ"));

    assertThat(sentTo(allowance, "tok-easy", "ja-x-easy"))
        .isEqualTo(golden("important-easy-japanese.json", "${deliveryId}", allowance.id()));
  }

  @Test
  void anInfoNoticeIsNormalPriorityAndALanguageWithoutTitleFallsBackToJapanese() throws Exception {
    Delivery library =
        delivery("n-library", 1, Severity.INFO, Map.of("ja", "図書館まつり", "en", "Library festival"));

    assertThat(sentTo(library, "tok-fr", "fr"))
        .isEqualTo(
            golden("info-french-falls-back-to-japanese.json", "${deliveryId}", library.id()));
  }

  @Test
  void aDistrictTopicMessageIsCriticalInItsLanguageWithoutDeliveryId() throws Exception {
    String topic = DistrictTopics.of("072028", "湊町", "en");
    Delivery quake =
        delivery("n-quake", 3, Severity.EMERGENCY, Map.of("ja", "避難指示", "en", "Evacuation order"));

    fcm.messaging().send(PushMessages.toTopic(quake, topic, "en"));

    assertThat(fcm.server().topicMessages()).hasSize(1);
    assertThat(Json.mapper().readTree(fcm.server().topicMessages().get(0).json()))
        .isEqualTo(golden("district-topic-en.json", "${topic}", topic));
  }

  @Test
  void aDigestCountsItsNoticesShowsTheTopThreeTitlesAndCarriesItsDateAndIds() throws Exception {
    Delivery parking =
        Fixtures.digest("n-parking", "r-1", 0.5, Map.of("ja", "駐車場の閉鎖", "en", "Car park closed"));
    Delivery allowance =
        Fixtures.digest("n-allowance", "r-1", 0.9, Map.of("ja", "児童手当", "en", "Child allowance"));
    Delivery water =
        Fixtures.digest("n-water", "r-1", 0.7, Map.of("ja", "断水のお知らせ", "en", "Water cut"));
    Delivery library = Fixtures.digest("n-library", "r-1", 0.2, Map.of("ja", "図書館まつり"));
    Digest digest =
        new Digest(
            "digest/r-1/2026-11-23",
            "r-1",
            java.time.LocalDate.parse("2026-11-23"),
            List.of(allowance, water, parking, library));

    fcm.messaging()
        .send(
            DigestMessages.of(digest, Fixtures.device("d", "r-1", "tok-en", "ja"), List.of("en")));

    assertThat(Json.mapper().readTree(fcm.server().received().get(0).json()))
        .isEqualTo(golden("digest-en.json", "${unused}", ""));
  }
}
