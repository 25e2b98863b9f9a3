package io.kairan.push.state;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every (delivery, device) whose push has a final outcome, from push-results.v1: read before the
 * sender starts, then followed live (another instance's results count too). A push found here is
 * never sent again, whatever restarts or rebalances replay. Bounded by age: a result is kept for
 * {@link #RETENTION}, and a delivery decided longer ago than that is never pushed (see {@link
 * #isStale}), so nothing the ledger has forgotten can be pushed twice.
 */
@Component
public class SentLedger extends FollowedTopic {
  /**
   * How long a result is remembered. Longer than anything that replays deliveries.v1 reaches back:
   * an uncommitted poll (minutes) and the 26-hour re-read of scheduled pushes.
   */
  public static final Duration RETENTION = Duration.ofHours(48);

  private static final Set<PushOutcome> FINAL =
      Set.of(
          PushOutcome.SENT, PushOutcome.INVALID_TOKEN, PushOutcome.REJECTED, PushOutcome.EMAILED);

  /** The FCM message id ("" for none) and when the result was recorded. */
  private record Entry(String messageId, Instant at) {}

  private final ConcurrentHashMap<String, Entry> done = new ConcurrentHashMap<>();
  private final Clock clock;

  SentLedger(ConsumerFactory<String, String> consumers, Clock clock) {
    super(consumers, Topics.PUSH_RESULTS);
    this.clock = clock;
  }

  /** A ledger that is not fed from Kafka (tests of the parts that use it). */
  public static SentLedger standalone(Clock clock) {
    return new SentLedger(null, clock);
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

  /** Remembers a final result, unless it is already older than the retention. */
  public void record(PushResult result) {
    if (FINAL.contains(result.outcome()) && !isStale(result.at())) {
      done.put(
          key(result.deliveryId(), result.deviceId()),
          new Entry(result.fcmMessageId() == null ? "" : result.fcmMessageId(), result.at()));
    }
  }

  public boolean isDone(String deliveryId, String deviceId) {
    return done.containsKey(key(deliveryId, deviceId));
  }

  /** The FCM message id of a sent push, if it was sent. */
  public Optional<String> messageIdOf(String deliveryId, String deviceId) {
    return Optional.ofNullable(done.get(key(deliveryId, deviceId)))
        .map(Entry::messageId)
        .filter(id -> !id.isEmpty());
  }

  /** Whether something from this time is beyond the ledger's memory. */
  public boolean isStale(Instant at) {
    return at.isBefore(clock.instant().minus(RETENTION));
  }

  /** Forgets the results older than the retention; returns how many. */
  public int forgetExpired() {
    int before = done.size();
    done.values().removeIf(e -> isStale(e.at()));
    return before - done.size();
  }

  public int size() {
    return done.size();
  }

  private static String key(String deliveryId, String deviceId) {
    return deliveryId + '/' + deviceId;
  }
}
