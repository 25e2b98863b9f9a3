package io.kairan.push.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.push.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {
  private final DeviceRegistry registry = DeviceRegistry.standalone();

  /** What a follower was told, as "before -> after" tokens ("-" for none). */
  private final List<String> told = new ArrayList<>();

  private final DeviceChanges follower =
      (before, after) ->
          told.add(
              (before == null ? "-" : before.token())
                  + " -> "
                  + (after == null ? "-" : after.token()));

  private static ConsumerRecord<String, String> record(String key, String value) {
    return new ConsumerRecord<>(Topics.DEVICES, 0, 0, key, value);
  }

  private void read(Device device) {
    registry.apply(record(device.id(), Json.write(device)));
  }

  @Test
  void devicesAreFoundByTheirResident() {
    read(Fixtures.device("phone", "r-1", "tok-phone", "ja"));
    read(Fixtures.device("tablet", "r-1", "tok-tablet", "en"));
    read(Fixtures.device("other", "r-2", "tok-other", "ja"));

    assertThat(registry.devicesOf("r-1"))
        .extracting(Device::id)
        .containsExactlyInAnyOrder("phone", "tablet");
    assertThat(registry.devicesOf("r-3")).isEmpty();
  }

  @Test
  void aFollowerIsToldOfEveryDeviceKnownThenOfEachChange() {
    read(Fixtures.device("phone", "r-1", "tok-a", "ja"));

    registry.follow(follower);
    read(Fixtures.device("phone", "r-1", "tok-b", "ja")); // the app got a new token
    registry.apply(record("phone", null)); // tombstone
    registry.apply(record("phone", null)); // a second tombstone changes nothing

    assertThat(told).containsExactly("- -> tok-a", "tok-a -> tok-b", "tok-b -> -");
    assertThat(registry.devicesOf("r-1")).isEmpty();
    assertThat(registry.size()).isZero();
  }

  @Test
  void aDeviceMovingToAnotherResidentLeavesTheFirst() {
    read(Fixtures.device("phone", "r-1", "tok-a", "ja"));

    read(Fixtures.device("phone", "r-2", "tok-a", "ja"));

    assertThat(registry.devicesOf("r-1")).isEmpty();
    assertThat(registry.devicesOf("r-2")).extracting(Device::id).containsExactly("phone");
  }

  @Test
  void anInvalidOrUnreadableRecordIsIgnoredAndTheOthersStay() {
    read(Fixtures.device("phone", "r-1", "tok-a", "ja"));

    registry.apply(record("x", "{broken"));
    registry.apply(record("y", Json.write(Fixtures.device("y", "r-1", " ", "ja")))); // blank token
    registry.apply(record("z", Json.write(Fixtures.device("not-z", "r-1", "tok-z", "ja"))));

    assertThat(registry.devicesOf("r-1")).extracting(Device::id).containsExactly("phone");
  }
}
