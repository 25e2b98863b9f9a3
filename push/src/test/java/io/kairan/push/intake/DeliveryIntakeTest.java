package io.kairan.push.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Severity;
import io.kairan.push.FcmSenders;
import io.kairan.push.Fixtures;
import io.kairan.push.KafkaStandIn;
import io.kairan.push.MutableClock;
import io.kairan.push.dispatch.Dispatcher;
import io.kairan.push.dispatch.EmailFallback;
import io.kairan.push.dispatch.PushSettings;
import io.kairan.push.fcm.LocalFcm;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.schedule.PushScheduler;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.SubscriptionKeeper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One poll through the intake, with the real parts behind it and a broker stand-in. */
class DeliveryIntakeTest {
  private static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final KafkaStandIn kafka = new KafkaStandIn();
  private final SentLedger ledger = SentLedger.standalone(clock);
  private final DeviceRegistry devices = DeviceRegistry.standalone();
  private final PushScheduler scheduler = new PushScheduler(clock);
  private LocalFcm fcm;
  private SubscriptionKeeper subscriptions;
  private DeliveryIntake intake;

  @BeforeEach
  void start() throws Exception {
    fcm = LocalFcm.start();
    subscriptions = new SubscriptionKeeper(fcm.messaging(), devices, false);
    ResultRecorder recorder = new ResultRecorder(kafka.template(), ledger, devices, clock);
    Dispatcher dispatcher =
        new Dispatcher(
            FcmSenders.on(fcm.app(), clock, 600_000, new SimpleMeterRegistry()),
            devices,
            ledger,
            NoticeBook.standalone(clock),
            subscriptions,
            ResidentLanguages.standalone(),
            recorder,
            EmailFallback.off(),
            new PushSettings(false, null),
            clock);
    intake = new DeliveryIntake(scheduler, dispatcher, recorder, clock);
    devices.put(Fixtures.device("d-1", "r-1", "tok-1", "ja"));
    devices.put(Fixtures.device("d-2", "r-2", "tok-2", "ja"));
  }

  @AfterEach
  void stop() {
    kafka.close();
    subscriptions.destroy();
    fcm.close();
  }

  private static ConsumerRecord<String, String> record(String key, String value) {
    return new ConsumerRecord<>(Topics.DELIVERIES, 0, 0, key, value);
  }

  @Test
  void aPollIsPushedHeldAndDeadLetteredEachRecordByItsKind() throws Exception {
    Delivery now = Fixtures.pushNow("n-1", "r-1", Severity.IMPORTANT, NOW);
    Delivery morning =
        Fixtures.delivery(
            "n-1",
            1,
            "r-2",
            Severity.IMPORTANT,
            Channel.PUSH_AT,
            NOW.plus(Duration.ofHours(9)),
            NOW);

    intake.onDeliveries(
        List.of(
            record("r-1", Json.write(now)),
            record("r-2", Json.write(morning)),
            record("r-3", "{not json")));

    assertThat(fcm.server().received())
        .singleElement()
        .satisfies(m -> assertThat(m.token()).isEqualTo("tok-1"));
    assertThat(scheduler.isHeld(morning.id())).isTrue();
    assertThat(kafka.acknowledged(Topics.deadLetter(Topics.DELIVERIES)))
        .singleElement()
        .satisfies(
            r -> {
              DeadLetter letter = Json.read(r.value(), DeadLetter.class);
              assertThat(letter.key()).isEqualTo("r-3");
              assertThat(letter.value()).isEqualTo("{not json");
              assertThat(letter.reason()).startsWith("body: not a valid Delivery");
            });
    assertThat(ledger.isDone(now.id(), "d-1")).isTrue();
  }

  @Test
  void aPollTriedAgainAfterARefusedResultPushesOnceAndDeadLettersOnce() throws Exception {
    Delivery now = Fixtures.pushNow("n-1", "r-1", Severity.IMPORTANT, NOW);
    var poll = List.of(record("r-1", Json.write(now)), record("r-3", "{not json"));
    kafka.refuse(true);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.onDeliveries(poll))
        .isInstanceOf(io.kairan.push.results.ResultsNotWrittenException.class);

    kafka.refuse(false);
    intake.onDeliveries(poll); // what the error handler does

    assertThat(fcm.server().received()).hasSize(1);
    assertThat(kafka.acknowledged(Topics.PUSH_RESULTS)).hasSize(1);
    assertThat(kafka.acknowledged(Topics.deadLetter(Topics.DELIVERIES))).hasSize(1);
  }
}
