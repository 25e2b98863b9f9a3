package io.kairan.deploy.bench;

import com.google.firebase.messaging.FirebaseMessaging;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import io.kairan.model.site.SiteAdvice;
import io.kairan.push.dispatch.Dispatcher;
import io.kairan.push.dispatch.EmailFallback;
import io.kairan.push.dispatch.PushSettings;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.send.FcmSender;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.SubscriptionKeeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * An emergency for whole districts through the service's own dispatcher, in polls of 500 as the
 * intake hands them over: stage one (one message per district and first language) and then every
 * device's stage two naming its evacuation site. Results go to an in-memory producer that
 * acknowledges at once, so the figures are the sending's. Times are read from the local server's
 * record of when each send arrived, from the moment the first poll is handed to the dispatcher.
 *
 * @param stageOneMessages district topic messages sent (districts × first languages)
 * @param toLastStageOne seconds until the last stage-one message reached the server
 * @param toLastStageTwo seconds until the last stage-two request reached the server
 * @param toResultsWritten seconds until the last poll's results were acknowledged
 */
record TwoStageRun(
    int stageOneMessages,
    int stageTwoRequests,
    double toLastStageOne,
    double toLastStageTwo,
    double toResultsWritten) {
  private static final int POLL = 500;

  /** Residents r-i with one device each (token bench-token-i), every tenth reading English. */
  static TwoStageRun measure(
      LocalFcmServer server,
      FirebaseMessaging messaging,
      FcmSender sender,
      int devices,
      int districts,
      int answerMs)
      throws InterruptedException {
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    DeviceRegistry registry = DeviceRegistry.standalone();
    ResidentLanguages languages = ResidentLanguages.standalone();
    for (int i = 0; i < devices; i++) {
      registry.put(new Device("d-" + i, "r-" + i, "bench-token-" + i, Platform.ANDROID, "ja", now));
      languages.put("r-" + i, List.of(i % 10 == 0 ? "en" : "ja"), ZoneId.of("Asia/Tokyo"));
    }
    List<String> names = new ArrayList<>();
    for (int d = 0; d < districts; d++) {
      names.add("district-" + d);
    }
    NoticeBook notices = NoticeBook.standalone(clock);
    notices.add(
        new Notice(
            "bench-quake",
            1,
            new Publisher("bousai", "危機管理課", PublisherKind.DEPARTMENT),
            "072028",
            Category.DISASTER,
            Map.of("ja", "避難指示", "en", "Evacuation order"),
            Map.of("ja", "本文"),
            null,
            null,
            new Validity(now, now.plusSeconds(3600)),
            Severity.EMERGENCY,
            NoticeStatus.PUBLISHED,
            new Audience.InDistrict(names),
            now));
    SentLedger ledger = SentLedger.standalone(clock);
    AcknowledgingProducer producer = new AcknowledgingProducer();
    KafkaTemplate<String, String> kafka =
        new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    Dispatcher dispatcher =
        new Dispatcher(
            sender,
            registry,
            ledger,
            notices,
            new SubscriptionKeeper(messaging, registry, false),
            languages,
            new ResultRecorder(kafka, ledger, registry, clock),
            EmailFallback.off(),
            new PushSettings(false, true),
            clock);
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      deliveries.add(quake("r-" + i, now));
    }
    server.answerAfter(Duration.ofMillis(answerMs));
    server.clear();
    long t0 = System.nanoTime();
    for (int from = 0; from < devices; from += POLL) {
      dispatcher.push(deliveries.subList(from, Math.min(devices, from + POLL)));
    }
    double written = (System.nanoTime() - t0) / 1e9;
    long[] arrivals = server.traffic().arrivalNanos();
    Arrays.sort(arrivals);
    int stageOne = server.topicMessages().size();
    int stageTwo = server.received().size();
    if (stageOne == 0 || stageTwo != devices) {
      throw new IllegalStateException(
          "two stages: " + stageOne + " topic messages, " + stageTwo + " of " + devices);
    }
    // The dispatcher awaits every stage-one answer before the first stage-two send: the first
    // stageOne arrivals are stage one's.
    return new TwoStageRun(
        stageOne,
        stageTwo,
        (arrivals[stageOne - 1] - t0) / 1e9,
        (arrivals[arrivals.length - 1] - t0) / 1e9,
        written);
  }

  private static Delivery quake(String residentId, Instant now) {
    return new Delivery(
        DeliveryId.of("bench-quake", 1, residentId),
        residentId,
        "bench-quake",
        1,
        Category.DISASTER,
        Severity.EMERGENCY,
        Map.of("ja", "避難指示", "en", "Evacuation order"),
        1.0,
        List.of("you live in district-0"),
        "bench",
        Channel.PUSH_NOW,
        now,
        now,
        List.of(
            new SiteAdvice(
                SiteAdvice.SAFE_FOR_HAZARD,
                "s-1",
                "鶴城小学校",
                "会津若松市城東町",
                new GeoPoint(37.4877, 139.9301),
                1.2)));
  }

  /** A producer that acknowledges each write at once and that the template cannot close. */
  private static final class AcknowledgingProducer extends MockProducer<String, String> {
    AcknowledgingProducer() {
      super(true, null, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close() {}

    @Override
    public void close(java.time.Duration timeout) {}
  }
}
