package io.kairan.push.token;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.push.state.FollowedTopic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every device by resident. Each push instance reads the whole compacted topic from the start in a
 * group of its own, so it knows every token however deliveries are partitioned.
 */
@Component
public class DeviceRegistry extends FollowedTopic {
  private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);
  private final Map<String, Device> byId = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Device>> byResident = new ConcurrentHashMap<>();

  DeviceRegistry(ConsumerFactory<String, String> consumers) {
    super(consumers, Topics.DEVICES);
  }

  @KafkaListener(
      id = "device-registry",
      topics = Topics.DEVICES,
      groupId = "kairan-push-devices-${random.uuid}")
  @Override
  protected void apply(ConsumerRecord<String, String> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      remove(record.key());
      return;
    }
    try {
      Device device = Json.read(record.value(), Device.class);
      if (!device.problems().isEmpty() || !device.id().equals(record.key())) {
        log.warn("ignoring invalid device record {}: {}", record.key(), device.problems());
        return;
      }
      put(device);
    } catch (InvalidRecordException e) {
      log.warn("ignoring unreadable device record {}: {}", record.key(), e.getMessage());
    }
  }

  public List<Device> devicesOf(String residentId) {
    return List.copyOf(byResident.getOrDefault(residentId, Map.of()).values());
  }

  void put(Device device) {
    remove(device.id());
    byId.put(device.id(), device);
    byResident
        .computeIfAbsent(device.residentId(), r -> new ConcurrentHashMap<>())
        .put(device.id(), device);
  }

  /** Forgets a device at once, before its tombstone comes back from Kafka. */
  public void remove(String deviceId) {
    Device old = byId.remove(deviceId);
    if (old != null) {
      byResident.computeIfPresent(
          old.residentId(),
          (r, devices) -> {
            devices.remove(deviceId);
            return devices.isEmpty() ? null : devices;
          });
    }
  }
}
