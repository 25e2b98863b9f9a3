package io.kairan.push.topic;

import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.push.token.DeviceChanges;
import io.kairan.push.token.DeviceRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps every device subscribed to its resident's district topic for the resident's first language:
 * devices as the registry tells of them, districts and languages from profiles.v1 (a change of
 * either moves the subscription). Changes are batched by topic (at most 1,000 tokens a call, as the
 * Admin SDK takes) and flushed every second. Only a confirmed subscription counts: until then the
 * device is pushed one by one.
 */
@Component
public class SubscriptionKeeper extends AbstractConsumerSeekAware
    implements DeviceChanges, DisposableBean {
  static final int MAX_TOKENS_PER_CALL = 1000;
  private static final Logger log = LoggerFactory.getLogger(SubscriptionKeeper.class);

  private record Change(String topic, String token, boolean subscribe) {}

  private final FirebaseMessaging fcm;
  private final DeviceRegistry devices;
  private final Map<String, String> topicOfResident = new ConcurrentHashMap<>();
  private final Map<String, String> confirmed = new ConcurrentHashMap<>(); // token -> topic
  private final Map<String, Change> queued = new ConcurrentHashMap<>(); // token -> latest wish
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "topic-subscriptions"));

  @org.springframework.beans.factory.annotation.Autowired
  SubscriptionKeeper(FirebaseMessaging fcm, DeviceRegistry devices) {
    this(fcm, devices, true);
  }

  /** With {@code flushEverySecond} false, only {@link #flush()} sends (tests). */
  public SubscriptionKeeper(
      FirebaseMessaging fcm, DeviceRegistry devices, boolean flushEverySecond) {
    this.fcm = fcm;
    this.devices = devices;
    devices.follow(this);
    if (flushEverySecond) {
      flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }
  }

  @KafkaListener(
      id = "topic-profiles",
      topics = Topics.PROFILES,
      groupId = "kairan-push-topics-${random.uuid}")
  void onProfile(ConsumerRecord<String, String> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      topicOfResident.remove(record.key());
    } else {
      try {
        ResidentProfile p = Json.read(record.value(), ResidentProfile.class);
        districtOf(
            record.key(),
            DistrictTopics.of(p.municipalityCode(), p.district(), p.languages().get(0)));
        return;
      } catch (InvalidRecordException e) {
        return;
      }
    }
    // Only this resident's devices, from the registry's index: no scan of every device.
    devices.devicesOf(record.key()).forEach(this::reconcile);
  }

  /** The resident's district topic changed (a profile: district or language); devices follow. */
  public void districtOf(String residentId, String topic) {
    topicOfResident.put(residentId, topic);
    devices.devicesOf(residentId).forEach(this::reconcile);
  }

  @Override
  public void changed(Device before, Device after) {
    if (before != null && (after == null || !before.token().equals(after.token()))) {
      unsubscribe(before.token());
    }
    if (after != null) {
      reconcile(after);
    }
  }

  @Override
  public void onPartitionsAssigned(
      Map<org.apache.kafka.common.TopicPartition, Long> assignments,
      ConsumerSeekCallback callback) {
    callback.seekToBeginning(assignments.keySet());
  }

  /** Whether FCM confirmed this token's subscription to this topic. */
  public boolean isSubscribed(String token, String topic) {
    return topic.equals(confirmed.get(token));
  }

  private void reconcile(Device device) {
    String wanted = topicOfResident.get(device.residentId());
    String current = confirmed.get(device.token());
    if (wanted == null) {
      unsubscribe(device.token());
    } else if (!wanted.equals(current)) {
      if (current != null) {
        queue(new Change(current, device.token(), false));
      }
      queue(new Change(wanted, device.token(), true));
    }
  }

  private void unsubscribe(String token) {
    String current = confirmed.get(token);
    if (current != null) {
      queue(new Change(current, token, false));
    }
  }

  private void queue(Change change) {
    // An unsubscription must not overwrite the subscription to the new topic queued after it.
    queued.merge(change.token() + (change.subscribe() ? "+" : "-"), change, (a, b) -> b);
  }

  /** Sends the queued changes, grouped by topic and direction, 1,000 tokens a call. */
  public synchronized void flush() throws FirebaseMessagingException {
    List<Change> changes = new ArrayList<>(queued.values());
    changes.forEach(c -> queued.remove(c.token() + (c.subscribe() ? "+" : "-"), c));
    Map<String, List<Change>> groups = new java.util.HashMap<>();
    changes.forEach(
        c ->
            groups
                .computeIfAbsent((c.subscribe() ? "+" : "-") + c.topic(), k -> new ArrayList<>())
                .add(c));
    for (var group : groups.entrySet()) {
      boolean subscribe = group.getKey().startsWith("+");
      String topic = group.getKey().substring(1);
      List<Change> all = group.getValue();
      for (int from = 0; from < all.size(); from += MAX_TOKENS_PER_CALL) {
        List<Change> part = all.subList(from, Math.min(all.size(), from + MAX_TOKENS_PER_CALL));
        List<String> tokens = part.stream().map(Change::token).toList();
        var response =
            subscribe
                ? fcm.subscribeToTopic(tokens, topic)
                : fcm.unsubscribeFromTopic(tokens, topic);
        var failed = new java.util.HashSet<Integer>();
        response.getErrors().forEach(e -> failed.add(e.getIndex()));
        for (int i = 0; i < tokens.size(); i++) {
          if (failed.contains(i)) {
            continue;
          }
          if (subscribe) {
            confirmed.put(tokens.get(i), topic);
          } else {
            confirmed.remove(tokens.get(i), topic);
          }
        }
      }
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (FirebaseMessagingException | RuntimeException e) {
      log.warn("topic subscriptions not flushed, retrying: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    flusher.shutdownNow();
  }
}
