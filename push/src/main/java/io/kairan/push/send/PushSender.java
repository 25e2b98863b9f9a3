package io.kairan.push.send;

import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.SendResponse;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.push.token.DeviceRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries due now to every device of their resident, at most 500 messages per {@code
 * sendEach}, and reports each outcome on push-results.v1. A token FCM calls unregistered is removed
 * (a tombstone on devices.v1).
 */
@Component
class PushSender {
  static final int MAX_BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(PushSender.class);

  private final FirebaseMessaging fcm;
  private final DeviceRegistry devices;
  private final KafkaTemplate<String, String> kafka;
  private final Clock clock;

  PushSender(
      FirebaseMessaging fcm,
      DeviceRegistry devices,
      KafkaTemplate<String, String> kafka,
      Clock clock) {
    this.fcm = fcm;
    this.devices = devices;
    this.kafka = kafka;
    this.clock = clock;
  }

  private record Addressed(Delivery delivery, Device device, Message message) {}

  @KafkaListener(id = "push-sender", topics = Topics.DELIVERIES, batch = "true")
  void onDeliveries(List<ConsumerRecord<String, String>> records)
      throws FirebaseMessagingException {
    List<Addressed> due = new ArrayList<>();
    for (var record : records) {
      Delivery delivery = parse(record);
      if (delivery == null || delivery.channel() != Channel.PUSH_NOW) {
        continue;
      }
      for (Device device : devices.devicesOf(delivery.residentId())) {
        due.add(new Addressed(delivery, device, PushMessages.of(delivery, device)));
      }
    }
    for (int from = 0; from < due.size(); from += MAX_BATCH) {
      send(due.subList(from, Math.min(due.size(), from + MAX_BATCH)));
    }
    kafka.flush();
  }

  private void send(List<Addressed> batch) throws FirebaseMessagingException {
    BatchResponse response = fcm.sendEach(batch.stream().map(Addressed::message).toList());
    List<SendResponse> responses = response.getResponses();
    for (int i = 0; i < batch.size(); i++) {
      report(batch.get(i), responses.get(i));
    }
    log.info(
        "pushed {} messages: {} sent, {} failed",
        batch.size(),
        response.getSuccessCount(),
        response.getFailureCount());
  }

  private void report(Addressed sent, SendResponse response) {
    Delivery d = sent.delivery();
    PushOutcome outcome;
    String error = null;
    if (response.isSuccessful()) {
      outcome = PushOutcome.SENT;
    } else {
      FirebaseMessagingException e = response.getException();
      MessagingErrorCode code = e.getMessagingErrorCode();
      error = code == null ? e.getErrorCode() + ": " + e.getMessage() : code.name();
      if (code == MessagingErrorCode.UNREGISTERED) {
        outcome = PushOutcome.INVALID_TOKEN;
        devices.remove(sent.device().id());
        kafka.send(Topics.DEVICES, sent.device().id(), null);
      } else if (code == MessagingErrorCode.INVALID_ARGUMENT
          || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
        outcome = PushOutcome.REJECTED;
      } else {
        outcome = PushOutcome.FAILED_AFTER_RETRIES;
      }
    }
    var result =
        new PushResult(
            d.id(),
            sent.device().id(),
            d.residentId(),
            d.noticeId(),
            outcome,
            response.isSuccessful() ? response.getMessageId() : null,
            error,
            clock.instant());
    kafka.send(Topics.PUSH_RESULTS, d.id(), Json.write(result));
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
