package io.kairan.push.send;

import com.google.firebase.messaging.Message;
import io.kairan.model.DeadLetter;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.SubscriptionKeeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes deliveries: PUSH_NOW at once, PUSH_AT when due (quiet hours), nothing for a withdrawn
 * notice, and nothing twice: a (delivery, device) with a final result on push-results.v1 is
 * skipped, and each chunk's results are acknowledged by Kafka before the next chunk is sent.
 */
@Component
class PushSender
    implements InitializingBean,
        DisposableBean,
        org.springframework.context.ApplicationListener<
            org.springframework.context.event.ContextClosedEvent> {
  /**
   * PUSH_AT deliveries are at most a night away; on start, this much of deliveries.v1 is re-read.
   */
  static final Duration SCHEDULE_HORIZON = Duration.ofHours(26);

  private static final Logger log = LoggerFactory.getLogger(PushSender.class);
  private final FcmSender fcm;
  private final DeviceRegistry devices;
  private final SentLedger ledger;
  private final NoticeBook notices;
  private final KafkaTemplate<String, String> kafka;
  private final ConsumerFactory<String, String> consumers;
  private final Clock clock;
  private final SubscriptionKeeper subscriptions;
  private final boolean emergencyTopics;
  private final ScheduledExecutorService due =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "push-at"));
  private final Map<String, Boolean> scheduled = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  PushSender(
      FcmSender fcm,
      DeviceRegistry devices,
      SentLedger ledger,
      NoticeBook notices,
      KafkaTemplate<String, String> kafka,
      ConsumerFactory<String, String> consumers,
      Clock clock,
      SubscriptionKeeper subscriptions,
      @org.springframework.beans.factory.annotation.Value("${kairan.push.emergency-topics:false}")
          boolean emergencyTopics) {
    this.fcm = fcm;
    this.devices = devices;
    this.ledger = ledger;
    this.notices = notices;
    this.kafka = kafka;
    this.consumers = consumers;
    this.clock = clock;
    this.subscriptions = subscriptions;
    this.emergencyTopics = emergencyTopics;
  }

  private record Addressed(Delivery delivery, Device device, Message message) {}

  @KafkaListener(id = "push-sender", topics = Topics.DELIVERIES, batch = "true")
  void onDeliveries(List<ConsumerRecord<String, String>> records) throws InterruptedException {
    List<Delivery> now = new ArrayList<>();
    for (var record : records) {
      Delivery delivery = parse(record);
      if (delivery == null || !delivery.channel().pushes()) {
        continue;
      }
      if (delivery.channel() == Channel.PUSH_AT && delivery.pushAt().isAfter(clock.instant())) {
        schedule(delivery);
      } else {
        now.add(delivery);
      }
    }
    push(now);
  }

  /** Sends what is due, in chunks of at most 500 messages; synchronized with the PUSH_AT timer. */
  synchronized void push(List<Delivery> deliveries) throws InterruptedException {
    List<Addressed> todo = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      if (notices.isWithdrawn(delivery.noticeId())) {
        continue; // withdrawn before it went out
      }
      List<String> topics =
          emergencyTopics
              ? notices
                  .find(delivery.noticeId())
                  .map(n -> Broadcasts.topicsFor(delivery, n))
                  .orElse(List.of())
              : List.of();
      Map<String, String> sentTopics = topics.isEmpty() ? Map.of() : broadcast(delivery, topics);
      for (Device device : devices.devicesOf(delivery.residentId())) {
        if (ledger.isDone(delivery.id(), device.id())) {
          continue;
        }
        String coveredBy =
            sentTopics.keySet().stream()
                .filter(t -> subscriptions.isSubscribed(device.token(), t))
                .findFirst()
                .orElse(null);
        if (coveredBy != null) {
          // The district's topic message reached this device; record it as this push.
          report(
              new Addressed(delivery, device, null),
              new FcmSender.Outcome(PushOutcome.SENT, sentTopics.get(coveredBy), null, 1));
        } else {
          todo.add(new Addressed(delivery, device, PushMessages.of(delivery, device)));
        }
      }
    }
    for (int from = 0; from < todo.size(); from += FcmSender.MAX_BATCH) {
      if (stopping) {
        // Leave the rest of the poll uncommitted: the next owner replays it, and the ledger
        // skips what this instance already sent.
        throw new IllegalStateException(
            "stopping: " + (todo.size() - from) + " pushes left for the next start");
      }
      List<Addressed> chunk = todo.subList(from, Math.min(todo.size(), from + FcmSender.MAX_BATCH));
      List<FcmSender.Outcome> outcomes = fcm.send(chunk.stream().map(Addressed::message).toList());
      for (int i = 0; i < chunk.size(); i++) {
        report(chunk.get(i), outcomes.get(i));
      }
      // The results are the memory of what was sent: durable before anything else goes out.
      kafka.flush();
    }
    kafka.flush(); // results of topic-covered devices too, before the offsets are committed
  }

  /**
   * Sends the notice version to each district topic once (the ledger remembers), and returns the
   * topics that were sent with their message ids.
   */
  private Map<String, String> broadcast(Delivery delivery, List<String> topics)
      throws InterruptedException {
    String id = Broadcasts.broadcastId(delivery);
    List<String> missing = topics.stream().filter(t -> !ledger.isDone(id, t)).toList();
    if (!missing.isEmpty()) {
      List<FcmSender.Outcome> outcomes =
          fcm.send(missing.stream().map(t -> PushMessages.toTopic(delivery, t)).toList());
      for (int i = 0; i < missing.size(); i++) {
        var result =
            new PushResult(
                id,
                missing.get(i),
                null,
                delivery.noticeId(),
                outcomes.get(i).outcome(),
                outcomes.get(i).messageId(),
                outcomes.get(i).error(),
                clock.instant());
        kafka.send(Topics.PUSH_RESULTS, id, Json.write(result));
        ledger.record(result);
      }
      kafka.flush();
    }
    Map<String, String> sent = new java.util.HashMap<>();
    topics.forEach(t -> ledger.messageIdOf(id, t).ifPresent(m -> sent.put(t, m)));
    return sent;
  }

  private void report(Addressed sent, FcmSender.Outcome outcome) {
    Delivery d = sent.delivery();
    Device device = sent.device();
    var result =
        new PushResult(
            d.id(),
            device.id(),
            d.residentId(),
            d.noticeId(),
            outcome.outcome(),
            outcome.messageId(),
            outcome.error(),
            clock.instant());
    kafka.send(Topics.PUSH_RESULTS, d.id(), Json.write(result));
    ledger.record(result);
    if (outcome.outcome() == PushOutcome.INVALID_TOKEN) {
      devices.remove(device.id());
      kafka.send(Topics.DEVICES, device.id(), null);
    } else if (outcome.outcome() == PushOutcome.REJECTED) {
      // FCM refused the message itself: no retry can help; an operator should look.
      kafka.send(
          Topics.deadLetter(Topics.DELIVERIES),
          d.id(),
          Json.write(
              new DeadLetter(
                  Topics.DELIVERIES,
                  d.id(),
                  Json.write(d),
                  "FCM refused the push to device " + device.id() + ": " + outcome.error(),
                  "push",
                  clock.instant())));
    }
  }

  private void schedule(Delivery delivery) {
    if (scheduled.putIfAbsent(delivery.id(), Boolean.TRUE) != null) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), delivery.pushAt()).toMillis());
    due.schedule(
        () -> {
          try {
            push(List.of(delivery));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            log.error("scheduled push {} failed", delivery.id(), e);
          } finally {
            scheduled.remove(delivery.id());
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  /**
   * PUSH_AT deliveries whose offsets were committed before a restart live only in Kafka: re-read
   * the last {@link #SCHEDULE_HORIZON} of deliveries.v1 and schedule the ones not yet sent.
   */
  @Override
  public void afterPropertiesSet() {
    Instant since = clock.instant().minus(SCHEDULE_HORIZON);
    try (var consumer = consumers.createConsumer("kairan-push-schedule", "schedule")) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.DELIVERIES, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(Topics.DELIVERIES, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> query = new java.util.HashMap<>();
      partitions.forEach(p -> query.put(p, since.toEpochMilli()));
      consumer
          .offsetsForTimes(query)
          .forEach((p, found) -> consumer.seek(p, found == null ? end.get(p) : found.offset()));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          Delivery d = parse(record);
          if (d != null && d.channel() == Channel.PUSH_AT) {
            schedule(d);
          }
        }
      }
    }
  }

  /** Shutting down (deploy, rebalance, Ctrl-C): finish the chunk in flight, send no more. */
  @Override
  public void onApplicationEvent(org.springframework.context.event.ContextClosedEvent event) {
    stopping = true;
  }

  @Override
  public void destroy() {
    due.shutdownNow();
  }

  private static Delivery parse(ConsumerRecord<String, String> record) {
    try {
      return Json.read(record.value(), Delivery.class);
    } catch (InvalidRecordException e) {
      log.warn(
          "skipping unreadable delivery at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return null;
    }
  }
}
