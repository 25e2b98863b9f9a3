package io.kairan.push.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.Device;
import io.kairan.push.Fixtures;
import io.kairan.push.KafkaStandIn;
import io.kairan.push.MutableClock;
import io.kairan.push.send.FcmSender.Outcome;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResultRecorderTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final KafkaStandIn kafka = new KafkaStandIn();
  private final SentLedger ledger = SentLedger.standalone(clock);
  private final DeviceRegistry devices = DeviceRegistry.standalone();
  private final ResultRecorder recorder =
      new ResultRecorder(kafka.template(), ledger, devices, clock);
  private final Delivery delivery = Fixtures.pushNow("n-1", "r-1", Severity.IMPORTANT, NOW);
  private final Device phone = Fixtures.device("d-1", "r-1", "tok-1", "ja");

  @AfterEach
  void stop() {
    kafka.close();
  }

  private static Outcome sent(String messageId) {
    return new Outcome(PushOutcome.SENT, messageId, null, 1);
  }

  @Test
  void anAcknowledgedResultIsOnPushResultsAndInTheLedger() throws Exception {
    var batch = recorder.batch();
    batch.pushed(delivery, phone, sent("projects/p/messages/7"));

    assertThat(ledger.isDone(delivery.id(), "d-1")).as("not before the write is awaited").isFalse();
    batch.awaitWritten();

    assertThat(kafka.acknowledged(Topics.PUSH_RESULTS))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo(delivery.id());
              assertThat(Json.read(r.value(), PushResult.class))
                  .isEqualTo(
                      new PushResult(
                          delivery.id(),
                          "d-1",
                          "r-1",
                          "n-1",
                          PushOutcome.SENT,
                          "projects/p/messages/7",
                          null,
                          NOW));
            });
    assertThat(ledger.isDone(delivery.id(), "d-1")).isTrue();
    assertThat(ledger.messageIdOf(delivery.id(), "d-1")).contains("projects/p/messages/7");
  }

  @Test
  void aResultTheBrokerRefusesFailsTheBatchAndIsNotCountedAsSent() throws Exception {
    kafka.refuse(true);
    var batch = recorder.batch();
    batch.pushed(delivery, phone, sent("projects/p/messages/7"));

    assertThatThrownBy(batch::awaitWritten)
        .isInstanceOf(ResultsNotWrittenException.class)
        .hasMessageContaining("1 of 1 writes");
    assertThat(ledger.isDone(delivery.id(), "d-1")).isFalse();
    assertThat(kafka.acknowledged()).isEmpty();
    assertThat(recorder.unwrittenCount()).as("kept to be written again").isEqualTo(1);
  }

  @Test
  void aRefusedResultIsWrittenAgainOnceTheBrokerTakesIt() throws Exception {
    kafka.refuse(true);
    var batch = recorder.batch();
    batch.pushed(delivery, phone, sent("projects/p/messages/7"));
    assertThatThrownBy(batch::awaitWritten).isInstanceOf(ResultsNotWrittenException.class);

    assertThatThrownBy(recorder::rewriteUnwritten)
        .as("still refused")
        .isInstanceOf(ResultsNotWrittenException.class);
    kafka.refuse(false);
    recorder.rewriteUnwritten();

    assertThat(kafka.acknowledged(Topics.PUSH_RESULTS)).hasSize(1);
    assertThat(ledger.isDone(delivery.id(), "d-1")).isTrue();
    assertThat(recorder.unwrittenCount()).isZero();
  }

  @Test
  void anUnregisteredTokenIsForgottenAndTombstoned() throws Exception {
    devices.put(phone);
    var batch = recorder.batch();

    batch.pushed(delivery, phone, new Outcome(PushOutcome.INVALID_TOKEN, null, "UNREGISTERED", 1));
    batch.awaitWritten();

    assertThat(devices.devicesOf("r-1")).isEmpty();
    assertThat(kafka.acknowledged(Topics.DEVICES))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("d-1");
              assertThat(r.value()).isNull();
            });
    assertThat(ledger.isDone(delivery.id(), "d-1")).as("not tried again").isTrue();
  }

  @Test
  void aRefusedMessageIsDeadLetteredWithTheReasonAndTheDelivery() throws Exception {
    var batch = recorder.batch();

    batch.pushed(
        delivery, phone, new Outcome(PushOutcome.REJECTED, null, "INVALID_ARGUMENT: bad", 1));
    batch.awaitWritten();

    assertThat(kafka.acknowledged(Topics.deadLetter(Topics.DELIVERIES)))
        .singleElement()
        .satisfies(
            r -> {
              DeadLetter letter = Json.read(r.value(), DeadLetter.class);
              assertThat(letter.reason())
                  .isEqualTo("FCM refused the push to device d-1: INVALID_ARGUMENT: bad");
              assertThat(Json.read(letter.value(), Delivery.class)).isEqualTo(delivery);
              assertThat(letter.rejectedBy()).isEqualTo("push");
            });
  }
}
