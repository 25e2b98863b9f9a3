package io.kairan.push.dispatch;

import com.google.firebase.messaging.Message;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.Device;
import io.kairan.push.digest.Digest;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.send.FcmSender;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.SubscriptionKeeper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Sends deliveries that are due: per device, and an emergency for whole districts in two stages
 * (first one minimal message per district topic and language, then each device's own with its
 * evacuation site); DIGEST deliveries as one digest per resident and day; then, by e-mail, each
 * important delivery that reached none of its resident's devices ({@link EmailFallback}). Nothing
 * for a withdrawn notice, nothing the ledger holds, nothing older than the ledger's memory. Sends
 * in chunks of at most 500 messages and waits until Kafka acknowledged a chunk's results before the
 * next chunk; a stopping service sends no further chunk.
 */
@Component
public class Dispatcher implements ApplicationListener<ContextClosedEvent> {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** One message to one device: for a delivery, or for a resident's digest. */
  private record Addressed(Delivery delivery, Digest digest, Device device, Message message) {
    void record(ResultRecorder.Batch results, FcmSender.Outcome outcome) {
      if (digest != null) {
        results.digestPushed(digest, device, outcome);
      } else {
        results.pushed(delivery, device, outcome);
      }
    }
  }

  /** One stage-one message to a district topic, recorded under the broadcast's id. */
  private record TopicSend(String broadcastId, String topic, String noticeId, Message message) {}

  private final FcmSender fcm;
  private final DeviceRegistry devices;
  private final SentLedger ledger;
  private final NoticeBook notices;
  private final SubscriptionKeeper subscriptions;
  private final ResidentLanguages languages;
  private final ResultRecorder recorder;
  private final EmailFallback fallback;
  private final Clock clock;
  private final boolean emergencyTopics;
  private final boolean broadcastEmergencies;
  private volatile boolean stopping;

  public Dispatcher(
      FcmSender fcm,
      DeviceRegistry devices,
      SentLedger ledger,
      NoticeBook notices,
      SubscriptionKeeper subscriptions,
      ResidentLanguages languages,
      ResultRecorder recorder,
      EmailFallback fallback,
      PushSettings settings,
      Clock clock) {
    this.fcm = fcm;
    this.devices = devices;
    this.ledger = ledger;
    this.notices = notices;
    this.subscriptions = subscriptions;
    this.languages = languages;
    this.recorder = recorder;
    this.fallback = fallback;
    this.clock = clock;
    this.emergencyTopics = settings.emergencyTopics();
    this.broadcastEmergencies = settings.broadcasts();
  }

  /**
   * Sends what is due and returns once every result is acknowledged; throws (so the caller commits
   * nothing) if Kafka refused a result or the service is stopping. One caller at a time: the intake
   * and the scheduler share the chunk order.
   */
  public synchronized void push(List<Delivery> deliveries) throws InterruptedException {
    recorder.rewriteUnwritten();
    ResultRecorder.Batch results = recorder.batch();
    List<Addressed> todo = new ArrayList<>();
    List<Delivery> forDigests = new ArrayList<>();
    List<Delivery> due = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      if (notices.isWithdrawn(delivery.noticeId())) {
        continue; // withdrawn before it went out
      }
      if (delivery.severity() != Severity.EMERGENCY
          && !languages.consentsTo(delivery.residentId(), delivery.category())) {
        continue; // the resident withdrew their consent to the category before it went out
      }
      if (ledger.isStale(delivery.decidedAt())) {
        // Past the ledger's memory: it may have been pushed already, and a late push is no help.
        log.warn(
            "not pushing {}: decided at {}, too long ago", delivery.id(), delivery.decidedAt());
        continue;
      }
      if (delivery.channel() == Channel.DIGEST) {
        forDigests.add(delivery);
      } else {
        due.add(delivery);
      }
    }
    // Stage one: every district topic message of the poll's emergencies before any device's.
    Map<String, Map<String, String>> broadcasts = stageOne(due);
    for (Delivery delivery : due) {
      // A topic message stands for the device's push only where the delivery has nothing personal.
      Map<String, String> viaTopic =
          emergencyTopics && delivery.sites().isEmpty()
              ? broadcasts.getOrDefault(Broadcasts.broadcastId(delivery), Map.of())
              : Map.of();
      for (Device device : devices.devicesOf(delivery.residentId())) {
        if (ledger.isDone(delivery.id(), device.id())) {
          continue;
        }
        String coveredBy =
            viaTopic.keySet().stream()
                .filter(t -> subscriptions.isSubscribed(device.token(), t))
                .findFirst()
                .orElse(null);
        if (coveredBy != null) {
          // The district's topic message reached this device; record it as this push.
          results.pushed(
              delivery,
              device,
              new FcmSender.Outcome(PushOutcome.SENT, viaTopic.get(coveredBy), null, 1));
        } else {
          todo.add(
              new Addressed(
                  delivery,
                  null,
                  device,
                  PushMessages.of(delivery, device, languages.languagesFor(device))));
        }
      }
    }
    for (Digest digest : Digest.of(forDigests, languages::zoneOf, clock.instant())) {
      for (Device device : devices.devicesOf(digest.residentId())) {
        if (!ledger.isDone(digest.id(), device.id())) { // at most one digest a day
          todo.add(
              new Addressed(
                  null,
                  digest,
                  device,
                  DigestMessages.of(digest, device, languages.languagesFor(device))));
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
        chunk.get(i).record(results, outcomes.get(i));
      }
      // The results are the memory of what was sent: durable before anything else goes out.
      results.awaitWritten();
    }
    results.awaitWritten(); // results of topic-covered devices too, before offsets are committed
    // Last, with every push's outcome in the ledger: e-mail whoever none of them reached.
    fallback.mailUnreached(due, results);
    results.awaitWritten();
  }

  /**
   * Stage one of the emergencies among the deliveries: each notice version goes to each of its
   * district topics (one per district and first language, the title in that language) once (the
   * ledger remembers, across restarts), all before any device's message. Returns, per broadcast id,
   * the topics sent with their message ids; nothing when district topics are off.
   */
  private Map<String, Map<String, String>> stageOne(List<Delivery> due)
      throws InterruptedException {
    if (!broadcastEmergencies) {
      return Map.of();
    }
    Map<String, List<Broadcasts.Broadcast>> topicsOf = new LinkedHashMap<>();
    List<TopicSend> sends = new ArrayList<>();
    for (Delivery delivery : due) {
      String id = Broadcasts.broadcastId(delivery);
      if (topicsOf.containsKey(id)) {
        continue;
      }
      List<Broadcasts.Broadcast> topics =
          notices
              .find(delivery.noticeId())
              .map(n -> Broadcasts.topicsFor(delivery, n, languages.firstLanguages()))
              .orElse(List.of());
      topicsOf.put(id, topics);
      for (Broadcasts.Broadcast t : topics) {
        if (!ledger.isDone(id, t.topic())) {
          sends.add(
              new TopicSend(
                  id,
                  t.topic(),
                  delivery.noticeId(),
                  PushMessages.toTopic(delivery, t.topic(), t.language())));
        }
      }
    }
    for (int from = 0; from < sends.size(); from += FcmSender.MAX_BATCH) {
      List<TopicSend> chunk =
          sends.subList(from, Math.min(sends.size(), from + FcmSender.MAX_BATCH));
      List<FcmSender.Outcome> outcomes = fcm.send(chunk.stream().map(TopicSend::message).toList());
      ResultRecorder.Batch results = recorder.batch();
      for (int i = 0; i < chunk.size(); i++) {
        TopicSend t = chunk.get(i);
        results.broadcast(t.broadcastId(), t.topic(), t.noticeId(), outcomes.get(i));
      }
      results.awaitWritten();
    }
    Map<String, Map<String, String>> messageIds = new HashMap<>();
    topicsOf.forEach(
        (id, topics) -> {
          Map<String, String> ids = new HashMap<>();
          topics.forEach(
              t -> ledger.messageIdOf(id, t.topic()).ifPresent(m -> ids.put(t.topic(), m)));
          messageIds.put(id, ids);
        });
    return messageIds;
  }

  /**
   * Shutting down (deploy, rebalance, Ctrl-C): the chunk in flight is finished, no more is sent.
   */
  public void stop() {
    stopping = true;
  }

  /** Closing begins before the listener containers stop: the chunk in flight is the last. */
  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    stop();
  }
}
