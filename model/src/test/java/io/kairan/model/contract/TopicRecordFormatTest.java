package io.kairan.model.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kairan.model.DeadLetter;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.EmailAddress;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The wire format of every topic, pinned by a hand-written golden file in {@code
 * src/test/resources/golden/}: each file must read into the record it describes and the record must
 * write back to exactly that JSON. A renamed, added or dropped field, an enum spelled differently
 * or a time in another format fails here first, so a change to the contract between Kairan's
 * services (and any city's own consumers) is a visible change to a golden file.
 */
class TopicRecordFormatTest {

  @Test
  void aNoticeOnNoticesV1ReadsAndWritesAsItsGoldenFile() {
    Notice notice = readsAndWritesBack("notices.v1.json", Notice.class);

    assertThat(notice.id()).isEqualTo("n-golden");
    assertThat(notice.version()).isEqualTo(3);
    assertThat(notice.validity().until()).isEqualTo(Instant.parse("2026-12-23T03:00:00Z"));
    var anyOf = (Audience.AnyOf) notice.audience();
    assertThat(anyOf.any().get(0)).isEqualTo(new Audience.Everyone());
    var allOf = (Audience.AllOf) anyOf.any().get(1);
    // Latitude first: a swapped pair would put the circle in the sea off Antarctica.
    assertThat(((Audience.WithinCircle) allOf.all().get(7)).center().lat()).isEqualTo(37.4946);
    assertThat(allOf.all()).hasSize(8);
  }

  @Test
  void aProfileOnProfilesV1ReadsAndWritesAsItsGoldenFile() {
    ResidentProfile profile = readsAndWritesBack("profiles.v1.json", ResidentProfile.class);

    assertThat(profile.id()).isEqualTo("r-golden");
    assertThat(profile.consents().get(Category.CHILDCARE).granted()).isTrue();
    assertThat(profile.quietHours().start()).isEqualTo("22:00");
  }

  @Test
  void aDeviceOnDevicesV1ReadsAndWritesAsItsGoldenFile() {
    Device device = readsAndWritesBack("devices.v1.json", Device.class);

    assertThat(device.platform()).isEqualTo(Platform.IOS);
    assertThat(device.token()).isEqualTo("fcm-token-golden");
  }

  @Test
  void anEmailAddressOnResidentsEmailsV1ReadsAndWritesAsItsGoldenFile() {
    EmailAddress email = readsAndWritesBack("residents.emails.v1.json", EmailAddress.class);

    assertThat(email.address()).isEqualTo("hanako@example.jp");
    assertThat(email.isVerified()).isTrue();
    assertThat(email.problems()).isEmpty();
  }

  @Test
  void aRuleSetOnRulesV1ReadsAndWritesAsItsGoldenFile() {
    RuleSet rules = readsAndWritesBack("rules.v1.json", RuleSet.class);

    assertThat(rules.slot()).isEqualTo(RuleSlot.SHADOW);
    assertThat(rules.label()).isEqualTo("winter-2026/2");
    assertThat(rules.weightOf(Category.CHILDCARE)).isEqualTo(0.9);
  }

  @Test
  void feedbackOnFeedbackV1ReadsAndWritesAsItsGoldenFile() {
    Feedback feedback = readsAndWritesBack("feedback.v1.json", Feedback.class);

    assertThat(feedback.kind()).isEqualTo(FeedbackKind.NOT_INTERESTED);
  }

  @Test
  void aDeliveryOnDeliveriesV1ReadsAndWritesAsItsGoldenFile() {
    Delivery delivery = readsAndWritesBack("deliveries.v1.json", Delivery.class);

    assertThat(delivery.channel()).isEqualTo(Channel.PUSH_AT);
    assertThat(delivery.pushAt()).isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
  }

  @Test
  void aPushResultOnPushResultsV1ReadsAndWritesAsItsGoldenFile() {
    PushResult result = readsAndWritesBack("push-results.v1.json", PushResult.class);

    assertThat(result.outcome()).isEqualTo(PushOutcome.INVALID_TOKEN);
    assertThat(result.fcmMessageId()).isNull();
  }

  @Test
  void aDeadLetterOnEveryDlqTopicReadsAndWritesAsItsGoldenFile() {
    DeadLetter letter = readsAndWritesBack("dead-letter.json", DeadLetter.class);

    assertThat(letter.sourceTopic()).isEqualTo("profiles.v1");
    assertThat(letter.value()).isEqualTo("{\"id\": ");
  }

  private static <T> T readsAndWritesBack(String golden, Class<T> type) {
    String json = resource(golden);
    T record = Json.read(json, type);

    assertThat(tree(Json.write(record)))
        .as("%s written back by the codec", golden)
        .isEqualTo(tree(json));
    return record;
  }

  private static JsonNode tree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = TopicRecordFormatTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("golden file missing: src/test/resources/golden/" + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
