package io.kairan.push.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.push.Fixtures;
import io.kairan.push.fcm.LocalFcm;
import io.kairan.push.token.DeviceRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions through the real Admin SDK against the local FCM server. */
class SubscriptionKeeperTest {
  private static final String MINATO = DistrictTopics.of("072028", "湊町", "ja");
  private static final String MINATO_EN = DistrictTopics.of("072028", "湊町", "en");
  private static final String KITA_AIZU = DistrictTopics.of("072028", "北会津町", "ja");
  private final DeviceRegistry devices = DeviceRegistry.standalone();
  private LocalFcm fcm;
  private SubscriptionKeeper keeper;

  @BeforeEach
  void start() throws Exception {
    fcm = LocalFcm.start();
    devices.put(Fixtures.device("d-1", "r-1", "tok-1", "ja"));
    devices.put(Fixtures.device("d-2", "r-2", "tok-2", "ja"));
    keeper = new SubscriptionKeeper(fcm.messaging(), devices, false);
  }

  @AfterEach
  void stop() {
    keeper.destroy();
    fcm.close();
  }

  @Test
  void aResidentsDevicesFollowTheirDistrictOnceFcmConfirms() throws Exception {
    keeper.districtOf("r-1", MINATO);
    assertThat(keeper.isSubscribed("tok-1", MINATO)).as("not before FCM confirmed").isFalse();

    keeper.flush();

    assertThat(keeper.isSubscribed("tok-1", MINATO)).isTrue();
    assertThat(fcm.server().subscribers(MINATO)).containsExactly("tok-1");
    assertThat(keeper.isSubscribed("tok-2", MINATO)).as("another resident's device").isFalse();
  }

  @Test
  void aMoveToAnotherDistrictChangesTheTopic() throws Exception {
    keeper.districtOf("r-1", MINATO);
    keeper.flush();

    keeper.districtOf("r-1", KITA_AIZU);
    keeper.flush();

    assertThat(fcm.server().subscribers(MINATO)).isEmpty();
    assertThat(fcm.server().subscribers(KITA_AIZU)).containsExactly("tok-1");
    assertThat(keeper.isSubscribed("tok-1", KITA_AIZU)).isTrue();
  }

  @Test
  void aNewTokenIsSubscribedAndTheOldOneUnsubscribed() throws Exception {
    keeper.districtOf("r-1", MINATO);
    keeper.flush();

    devices.put(Fixtures.device("d-1", "r-1", "tok-1b", "ja"));
    keeper.flush();

    assertThat(fcm.server().subscribers(MINATO)).containsExactly("tok-1b");
  }

  @Test
  void aRemovedDeviceIsUnsubscribed() throws Exception {
    keeper.districtOf("r-1", MINATO);
    keeper.districtOf("r-2", MINATO);
    keeper.flush();
    assertThat(fcm.server().subscribers(MINATO)).containsExactlyInAnyOrder("tok-1", "tok-2");

    devices.remove("d-1");
    keeper.flush();

    assertThat(fcm.server().subscribers(MINATO)).containsExactly("tok-2");
    assertThat(keeper.isSubscribed("tok-1", MINATO)).isFalse();
  }

  private void read(ResidentProfile profile) {
    keeper.onProfile(
        new ConsumerRecord<>(Topics.PROFILES, 0, 0, profile.id(), Json.write(profile)));
  }

  @Test
  void aDeviceIsSubscribedToItsDistrictsTopicForItsResidentsFirstLanguage() throws Exception {
    read(Fixtures.profile("r-1", "湊町", List.of("en", "ja")));
    keeper.flush();

    assertThat(fcm.server().subscribers(MINATO_EN)).containsExactly("tok-1");
    assertThat(fcm.server().subscribers(MINATO)).isEmpty();
  }

  @Test
  void aChangeOfLanguageMovesTheSubscriptionToTheTopicOfTheNewLanguage() throws Exception {
    read(Fixtures.profile("r-1", "湊町", List.of("ja")));
    keeper.flush();
    assertThat(fcm.server().subscribers(MINATO)).containsExactly("tok-1");

    read(Fixtures.profile("r-1", "湊町", List.of("en", "ja")));
    keeper.flush();

    assertThat(fcm.server().subscribers(MINATO)).isEmpty();
    assertThat(fcm.server().subscribers(MINATO_EN)).containsExactly("tok-1");
    assertThat(keeper.isSubscribed("tok-1", MINATO_EN)).isTrue();
  }
}
