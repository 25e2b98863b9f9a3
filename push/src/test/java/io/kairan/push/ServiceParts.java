package io.kairan.push;

import io.kairan.push.dispatch.Dispatcher;
import io.kairan.push.dispatch.EmailFallback;
import io.kairan.push.dispatch.PushSettings;
import io.kairan.push.fcm.LocalFcm;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.SubscriptionKeeper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The push service's parts as a test assembles them, fresh for each test: state not fed from Kafka,
 * results written to a broker stand-in, the real sender and Admin SDK against a local FCM server of
 * its own, all on one test clock.
 */
public final class ServiceParts implements AutoCloseable {
  public final MutableClock clock;
  public final KafkaStandIn kafka = new KafkaStandIn();
  public final DeviceRegistry devices = DeviceRegistry.standalone();
  public final ResidentLanguages languages = ResidentLanguages.standalone();
  public final NoticeBook notices;
  public final LocalFcm fcm;
  public final SubscriptionKeeper subscriptions;

  private ServiceParts(Instant now) throws IOException {
    clock = new MutableClock(now);
    notices = NoticeBook.standalone(clock);
    fcm = LocalFcm.start();
    subscriptions = new SubscriptionKeeper(fcm.messaging(), devices, false);
  }

  public static ServiceParts startingAt(Instant now) {
    try {
      return new ServiceParts(now);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ResultRecorder recorder(SentLedger ledger) {
    return new ResultRecorder(kafka.template(), ledger, devices, clock);
  }

  /**
   * A dispatcher (with a sender of its own) over these parts, remembering in {@code ledger}; stage
   * one on, as by default.
   */
  public Dispatcher dispatcher(
      SentLedger ledger, ResultRecorder recorder, boolean emergencyTopics) {
    return dispatcher(ledger, recorder, new PushSettings(emergencyTopics, null));
  }

  /** A dispatcher (with a sender of its own) over these parts with these settings. */
  public Dispatcher dispatcher(SentLedger ledger, ResultRecorder recorder, PushSettings settings) {
    return dispatcher(ledger, recorder, settings, EmailFallback.off());
  }

  /** A dispatcher over these parts that mails through {@code fallback}. */
  public Dispatcher dispatcher(
      SentLedger ledger, ResultRecorder recorder, PushSettings settings, EmailFallback fallback) {
    return new Dispatcher(
        FcmSenders.on(fcm.app(), clock, 600_000, new SimpleMeterRegistry()),
        devices,
        ledger,
        notices,
        subscriptions,
        languages,
        recorder,
        fallback,
        settings,
        clock);
  }

  @Override
  public void close() {
    kafka.close();
    subscriptions.destroy();
    fcm.close();
  }
}
