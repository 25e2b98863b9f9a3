package io.kairan.model.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.Fixtures;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
import io.kairan.model.resident.ResidentProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void noticeWithNestedAudienceRoundTrips() {
    Notice notice = Fixtures.childAllowanceNotice();

    assertThat(Json.read(Json.write(notice), Notice.class)).isEqualTo(notice);
  }

  @Test
  void audienceIsTaggedByTypeAndTimesAreIso8601() {
    String json = Json.write(Fixtures.childAllowanceNotice());

    assertThat(json)
        .contains(
            "\"type\":\"allOf\"",
            "\"type\":\"childAge\"",
            "\"publishedAt\":\"2026-11-23T03:00:00Z\"");
  }

  @Test
  void profileRoundTripsWithConsentsAndQuietHours() {
    ResidentProfile profile = Fixtures.parentInKitaaizu();

    assertThat(Json.read(Json.write(profile), ResidentProfile.class)).isEqualTo(profile);
  }

  @Test
  void deliveryRoundTrips() {
    var delivery =
        new Delivery(
            "d",
            "r-1",
            "n-1",
            2,
            null,
            null,
            Map.of("ja", "t"),
            0.5,
            List.of("you live in 北会津町"),
            "rules-1",
            Channel.PUSH_NOW,
            Fixtures.NOW,
            Fixtures.NOW);

    assertThat(Json.read(Json.write(delivery), Delivery.class)).isEqualTo(delivery);
  }

  @Test
  void unknownFieldsAreIgnoredSoOlderConsumersKeepReading() {
    String json = Json.write(Fixtures.parentInKitaaizu()).replaceFirst("\\{", "{\"addedLater\":1,");

    assertThat(Json.read(json, ResidentProfile.class).id()).isEqualTo("r-1");
  }

  @Test
  void malformedJsonIsAnInvalidRecordWithTheReason() {
    assertThatThrownBy(() -> Json.read("{\"id\": ", Notice.class))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("not a valid Notice");
  }

  @Test
  void unknownAudienceTypeIsRejected() {
    String json =
        Json.write(Fixtures.childAllowanceNotice())
            .replace("\"type\":\"childAge\"", "\"type\":\"shoeSize\"");

    assertThatThrownBy(() -> Json.read(json, Notice.class))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("shoeSize");
  }

  @Test
  void deeplyNestedDocumentsAreRefused() {
    String json = "[".repeat(1000) + "]".repeat(1000);

    assertThatThrownBy(() -> Json.read(json, Notice.class))
        .isInstanceOf(InvalidRecordException.class);
  }

  private static final String OPENED_JSON =
      "{\"residentId\":\"住民-1\",\"noticeId\":\"n-1\",\"kind\":\"OPENED\","
          + "\"at\":\"2026-11-23T03:00:00Z\"}";
  private static final Feedback OPENED =
      new Feedback("住民-1", "n-1", FeedbackKind.OPENED, Fixtures.NOW);

  @Test
  void aRecordIsWrittenWithItsFieldsInOrderAndAnIsoTime() {
    assertThat(Json.write(OPENED)).isEqualTo(OPENED_JSON);
  }

  @Test
  void bytesAreTheUtf8OfTheText() {
    byte[] bytes = Json.writeBytes(OPENED);

    // 住 and 民 take three bytes each in UTF-8.
    assertThat(bytes).hasSize(OPENED_JSON.length() + 4).isEqualTo(OPENED_JSON.getBytes(UTF_8));
    assertThat(Json.read(bytes, Feedback.class)).isEqualTo(OPENED);
  }

  @Test
  void theSharedMapperWritesTimesAsIso8601() throws Exception {
    assertThat(Json.mapper().writeValueAsString(Fixtures.NOW))
        .isEqualTo("\"2026-11-23T03:00:00Z\"");
  }

  @Test
  void aMissingBodyIsEmpty() {
    assertThatThrownBy(() -> Json.read((String) null, Feedback.class))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("body: is empty");
    assertThatThrownBy(() -> Json.read((byte[]) null, Feedback.class))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("body: is empty");
  }

  @Test
  void aDocumentOfExactlyTheLimitIsReadAndOneCharacterMoreIsRefused() {
    String padding = " ".repeat(Json.MAX_DOCUMENT_CHARS - OPENED_JSON.length());

    assertThat(Json.MAX_DOCUMENT_CHARS).isEqualTo(1_000_000);
    assertThat(Json.read(OPENED_JSON + padding, Feedback.class)).isEqualTo(OPENED);
    assertThatThrownBy(() -> Json.read(OPENED_JSON + padding + " ", Feedback.class))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("body: is larger than 1000000 characters");
  }

  @Test
  void aValueJacksonCannotWriteIsAnIllegalState() {
    assertThatThrownBy(() -> Json.write(new Object()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot write Object");
  }
}
