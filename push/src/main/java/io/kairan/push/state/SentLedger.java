package io.kairan.push.state;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every (delivery, device) whose push has a final outcome, from push-results.v1: read whole before
 * the sender starts, then followed live (another instance's results count too). A push found here
 * is never sent again, whatever restarts or rebalances replay.
 */
@Component
public class SentLedger extends FollowedTopic {
  private static final Set<PushOutcome> FINAL =
      Set.of(PushOutcome.SENT, PushOutcome.INVALID_TOKEN, PushOutcome.REJECTED);
  private final Map<String, String> done = new ConcurrentHashMap<>(); // key -> FCM message id or ""

  SentLedger(ConsumerFactory<String, String> consumers) {
    super(consumers, Topics.PUSH_RESULTS);
  }

  @KafkaListener(
      id = "sent-ledger",
      topics = Topics.PUSH_RESULTS,
      groupId = "kairan-push-ledger-${random.uuid}")
  @Override
  protected void apply(ConsumerRecord<String, String> record) {
    try {
      record(Json.read(record.value(), PushResult.class));
    } catch (InvalidRecordException e) {
      // not a result this ledger can use
    }
  }

  public void record(PushResult result) {
    if (FINAL.contains(result.outcome())) {
      done.put(
          key(result.deliveryId(), result.deviceId()),
          result.fcmMessageId() == null ? "" : result.fcmMessageId());
    }
  }

  public boolean isDone(String deliveryId, String deviceId) {
    return done.containsKey(key(deliveryId, deviceId));
  }

  /** The FCM message id of a sent push, if it was sent. */
  public java.util.Optional<String> messageIdOf(String deliveryId, String deviceId) {
    return java.util.Optional.ofNullable(done.get(key(deliveryId, deviceId)))
        .filter(id -> !id.isEmpty());
  }

  private static String key(String deliveryId, String deviceId) {
    return deliveryId + '/' + deviceId;
  }
}
