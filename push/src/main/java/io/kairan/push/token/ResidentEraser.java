package io.kairan.push.token;

import io.kairan.model.Topics;
import io.kairan.model.resident.Device;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * A deleted resident (a tombstone on profiles.v1) loses their device tokens too: each device gets a
 * tombstone on devices.v1, so no store keeps a token of someone who left.
 */
@Component
class ResidentEraser {
  private final DeviceRegistry devices;
  private final KafkaTemplate<String, String> kafka;

  ResidentEraser(DeviceRegistry devices, KafkaTemplate<String, String> kafka) {
    this.devices = devices;
    this.kafka = kafka;
  }

  @KafkaListener(id = "resident-eraser", topics = Topics.PROFILES, groupId = "kairan-push-eraser")
  void onProfile(ConsumerRecord<String, String> record) {
    if (record.key() == null || record.value() != null) {
      return;
    }
    for (Device device : devices.devicesOf(record.key())) {
      devices.remove(device.id());
      kafka.send(Topics.DEVICES, device.id(), null);
    }
  }
}
