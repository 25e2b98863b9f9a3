package io.kairan.push.dispatch;

import com.google.firebase.messaging.Message;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
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
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Sends deliveries that are due: per device, or per district topic for an emergency for whole
 * districts; DIGEST deliveries as one digest per resident and day. Nothing for a withdrawn notice,
 * nothing the ledger holds, nothing older than the ledger's memory. Sends in chunks of at most 500
 * messages and waits until Kafka acknowledged a chunk's results before the next chunk; a stopping
 * service sends no further chunk.
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

  private final FcmSender fcm;
  private final DeviceRegistry devices;
  private final SentLedger ledger;
  private final NoticeBook notices;
  private final SubscriptionKeeper subscriptions;
  private final ResidentLanguages languages;
  private final ResultRecorder recorder;
  private final Clock clock;
  private final boolean emergencyTopics;
  private volatile boolean stopping;

  public Dispatcher(
      FcmSender fcm,
      DeviceRegistry devices,
      SentLedger ledger,
      NoticeBook notices,
      SubscriptionKeeper subscriptions,
      ResidentLanguages languages,
      ResultRecorder recorder,
      PushSettings settings,
      Clock clock) {
    this.fcm = fcm;
    this.devices = devices;
    this.ledger = ledger;
    this.notices = notices;
    this.subscriptions = subscriptions;
    this.languages = languages;
    this.recorder = recorder;
    this.clock = clock;
    this.emergencyTopics = settings.emergencyTopics();
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
    for (Delivery delivery : deliveries) {
      if (notices.isWithdrawn(delivery.noticeId())) {
        continue; // withdrawn before it went out
      }
      if (ledger.isStale(delivery.decidedAt())) {
        // Past the ledger's memory: it may have been pushed already, and a late push is no help.
        log.warn(
            "not pushing {}: decided at {}, too long ago", delivery.id(), delivery.decidedAt());
        continue;
      }
      if (delivery.channel() == Channel.DIGEST) {
        forDigests.add(delivery);
        continue;
      }
      Map<String, String> viaTopic = broadcast(delivery);
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
  }

  /**
   * Sends the notice version to each of its district topics (one per district and first language,
   * the title in that language) once (the ledger remembers), and returns the topics that were sent
   * with their message ids; empty when the delivery goes device by device.
   */
  private Map<String, String> broadcast(Delivery delivery) throws InterruptedException {
    if (!emergencyTopics) {
      return Map.of();
    }
    List<Broadcasts.Broadcast> topics =
        notices
            .find(delivery.noticeId())
            .map(n -> Broadcasts.topicsFor(delivery, n, languages.firstLanguages()))
            .orElse(List.of());
    if (topics.isEmpty()) {
      return Map.of();
    }
    String id = Broadcasts.broadcastId(delivery);
    List<Broadcasts.Broadcast> missing =
        topics.stream().filter(t -> !ledger.isDone(id, t.topic())).toList();
    if (!missing.isEmpty()) {
      List<FcmSender.Outcome> outcomes =
          fcm.send(
              missing.stream()
                  .map(t -> PushMessages.toTopic(delivery, t.topic(), t.language()))
                  .toList());
      ResultRecorder.Batch results = recorder.batch();
      for (int i = 0; i < missing.size(); i++) {
        results.broadcast(id, missing.get(i).topic(), delivery.noticeId(), outcomes.get(i));
      }
      results.awaitWritten();
    }
    Map<String, String> sent = new HashMap<>();
    topics.forEach(t -> ledger.messageIdOf(id, t.topic()).ifPresent(m -> sent.put(t.topic(), m)));
    return sent;
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
