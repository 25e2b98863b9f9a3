package io.kairan.push.results;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.push.digest.Digest;
import io.kairan.push.send.FcmSender.Outcome;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes each push outcome to push-results.v1 (with its consequences: the tombstone of an
 * unregistered token, the dead letter of a refused message) and waits until Kafka acknowledged
 * every write. Only an acknowledged result enters the sent ledger. A write Kafka refused fails the
 * batch and is kept: it is written again before anything else is sent, so a push FCM accepted is
 * neither forgotten nor sent again while this process lives.
 */
@Component
public class ResultRecorder {
  /** One record to write; {@code result} is the push result it carries, if it is one. */
  private record Write(String topic, String key, String value, PushResult result) {}

  private final KafkaTemplate<String, String> kafka;
  private final SentLedger ledger;
  private final DeviceRegistry devices;
  private final Clock clock;
  private final List<Write> unwritten = new ArrayList<>();

  public ResultRecorder(
      KafkaTemplate<String, String> kafka, SentLedger ledger, DeviceRegistry devices, Clock clock) {
    this.kafka = kafka;
    this.ledger = ledger;
    this.devices = devices;
    this.clock = clock;
  }

  /** A new set of writes to be awaited together; confined to the thread that uses it. */
  public Batch batch() {
    return new Batch();
  }

  /**
   * Writes again what Kafka refused before; throws if it refuses again. Called before anything is
   * sent.
   */
  public void rewriteUnwritten() throws InterruptedException {
    List<Write> again;
    synchronized (unwritten) {
      again = List.copyOf(unwritten);
      unwritten.clear();
    }
    if (!again.isEmpty()) {
      Batch batch = new Batch();
      again.forEach(batch::write);
      batch.awaitWritten();
    }
  }

  /** How many writes wait to be written again. */
  public int unwrittenCount() {
    synchronized (unwritten) {
      return unwritten.size();
    }
  }

  /** Writes whose acknowledgements are awaited together. */
  public final class Batch {
    private final List<Write> writes = new ArrayList<>();
    private final List<CompletableFuture<?>> acks = new ArrayList<>();

    private Batch() {}

    /** The outcome of one push to one device. */
    public void pushed(Delivery delivery, Device device, Outcome outcome) {
      onDevice(
          delivery.id(),
          delivery.residentId(),
          delivery.noticeId(),
          device,
          outcome,
          () -> Json.write(delivery),
          "push");
    }

    /**
     * The outcome of a resident's digest on one device, under the digest's id (in place of a
     * delivery's, and of a notice's: it is about several), so the ledger holds it for the day.
     */
    public void digestPushed(Digest digest, Device device, Outcome outcome) {
      onDevice(
          digest.id(),
          digest.residentId(),
          digest.id(),
          device,
          outcome,
          () -> Json.write(digest),
          "digest");
    }

    private void onDevice(
        String id,
        String residentId,
        String noticeId,
        Device device,
        Outcome outcome,
        Supplier<String> what,
        String kind) {
      PushResult result =
          new PushResult(
              id,
              device.id(),
              residentId,
              noticeId,
              outcome.outcome(),
              outcome.messageId(),
              outcome.error(),
              clock.instant());
      write(new Write(Topics.PUSH_RESULTS, id, Json.write(result), result));
      if (outcome.outcome() == PushOutcome.INVALID_TOKEN) {
        devices.remove(device.id());
        write(new Write(Topics.DEVICES, device.id(), null, null));
      } else if (outcome.outcome() == PushOutcome.REJECTED) {
        // FCM refused the message itself: no retry can help; an operator should look.
        deadLetter(
            id,
            what.get(),
            "FCM refused the " + kind + " to device " + device.id() + ": " + outcome.error());
      }
    }

    /**
     * The outcome of a delivery's fallback e-mail, under the device id {@link PushResult#EMAIL}.
     */
    public void emailed(Delivery delivery, Outcome outcome) {
      PushResult result =
          new PushResult(
              delivery.id(),
              PushResult.EMAIL,
              delivery.residentId(),
              delivery.noticeId(),
              outcome.outcome(),
              outcome.messageId(),
              outcome.error(),
              clock.instant());
      write(new Write(Topics.PUSH_RESULTS, delivery.id(), Json.write(result), result));
    }

    /** The outcome of one message to a district topic, recorded under the broadcast's id. */
    public void broadcast(String broadcastId, String topic, String noticeId, Outcome outcome) {
      PushResult result =
          new PushResult(
              broadcastId,
              topic,
              null,
              noticeId,
              outcome.outcome(),
              outcome.messageId(),
              outcome.error(),
              clock.instant());
      write(new Write(Topics.PUSH_RESULTS, broadcastId, Json.write(result), result));
    }

    /** A record of deliveries.v1 push cannot handle, as received, with the reason. */
    public void deadLetter(String key, String value, String reason) {
      DeadLetter letter =
          new DeadLetter(Topics.DELIVERIES, key, value, reason, "push", clock.instant());
      write(new Write(Topics.deadLetter(Topics.DELIVERIES), key, Json.write(letter), null));
    }

    private void write(Write write) {
      writes.add(write);
      CompletableFuture<?> ack;
      try {
        ack = kafka.send(write.topic(), write.key(), write.value());
      } catch (RuntimeException refusedAtOnce) {
        ack = CompletableFuture.failedFuture(refusedAtOnce);
      }
      acks.add(ack);
    }

    /**
     * Waits for every write's acknowledgement; the acknowledged results enter the ledger. Throws
     * {@link ResultsNotWrittenException} if any write failed, after keeping it to write again.
     */
    public void awaitWritten() throws InterruptedException {
      List<Write> failed = new ArrayList<>();
      Throwable firstCause = null;
      for (int i = 0; i < writes.size(); i++) {
        Write write = writes.get(i);
        try {
          acks.get(i).get();
          if (write.result() != null) {
            ledger.record(write.result());
          }
        } catch (ExecutionException e) {
          failed.add(write);
          firstCause = firstCause == null ? e.getCause() : firstCause;
        }
      }
      int total = writes.size();
      writes.clear();
      acks.clear();
      if (!failed.isEmpty()) {
        synchronized (unwritten) {
          unwritten.addAll(failed);
        }
        throw new ResultsNotWrittenException(failed.size(), total, firstCause);
      }
    }
  }
}
