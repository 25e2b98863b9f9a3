package io.kairan.push.token;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.push.state.FollowedTopic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every device by resident: the one follower of devices.v1 in the service. Each push instance reads
 * the whole compacted topic from the start in a group of its own, so it knows every token however
 * deliveries are partitioned; whoever else needs devices (the district topic subscriptions) is told
 * of each change instead of reading the topic again.
 */
@Component
public class DeviceRegistry extends FollowedTopic {
  private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);
  private final Map<String, Device> byId = new HashMap<>();
  private final Map<String, Map<String, Device>> byResident = new HashMap<>();
  private final List<DeviceChanges> followers = new CopyOnWriteArrayList<>();

  DeviceRegistry(ConsumerFactory<String, String> consumers) {
    super(consumers, Topics.DEVICES);
  }

  /** A registry that is not fed from Kafka (tests of the parts that use it). */
  public static DeviceRegistry standalone() {
    return new DeviceRegistry(null);
  }

  @KafkaListener(
      id = "device-registry",
      topics = Topics.DEVICES,
      groupId = "kairan-push-devices-${random.uuid}")
  @Override
  protected void apply(ConsumerRecord<String, String> record) {
    applyCompacted(record, this::remove, this::read);
  }

  private void read(String key, String value) {
    try {
      Device device = Json.read(value, Device.class);
      if (!device.problems().isEmpty() || !device.id().equals(key)) {
        log.warn("ignoring invalid device record {}: {}", key, device.problems());
        return;
      }
      put(device);
    } catch (InvalidRecordException e) {
      log.warn("ignoring unreadable device record {}: {}", key, e.getMessage());
    }
  }

  /** Tells the follower of every device known now, then of every change. */
  public synchronized void follow(DeviceChanges follower) {
    byId.values().forEach(d -> follower.changed(null, d));
    followers.add(follower);
  }

  public synchronized List<Device> devicesOf(String residentId) {
    return List.copyOf(byResident.getOrDefault(residentId, Map.of()).values());
  }

  public synchronized void put(Device device) {
    Device before = forget(device.id());
    byId.put(device.id(), device);
    byResident.computeIfAbsent(device.residentId(), r -> new HashMap<>()).put(device.id(), device);
    followers.forEach(f -> f.changed(before, device));
  }

  /** Forgets a device at once, before its tombstone comes back from Kafka. */
  public synchronized void remove(String deviceId) {
    Device before = forget(deviceId);
    if (before != null) {
      followers.forEach(f -> f.changed(before, null));
    }
  }

  public synchronized int size() {
    return byId.size();
  }

  private Device forget(String deviceId) {
    Device old = byId.remove(deviceId);
    if (old != null) {
      Map<String, Device> devices = byResident.get(old.residentId());
      devices.remove(deviceId);
      if (devices.isEmpty()) {
        byResident.remove(old.residentId());
      }
    }
    return old;
  }
}
