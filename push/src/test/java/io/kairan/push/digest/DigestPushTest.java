package io.kairan.push.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.push.Fixtures;
import io.kairan.push.ServiceParts;
import io.kairan.push.TopicConsumer;
import io.kairan.push.dispatch.Dispatcher;
import io.kairan.push.fcmlocal.ReceivedMessage;
import io.kairan.push.schedule.PushScheduler;
import io.kairan.push.schedule.ScheduleRecovery;
import io.kairan.push.state.SentLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily digest through the service's parts as it runs them: deliveries.v1 re-read at start into
 * the scheduler, the ledger rebuilt from push-results.v1, the due timer's tick, the real sender and
 * Admin SDK against the local FCM server, on an injected clock. A restart builds the scheduler, the
 * ledger, the sender and the dispatcher anew from the topics; the devices, notices and languages
 * (compacted topics that did not change) are the same.
 */
class DigestPushTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant MORNING = Instant.parse("2026-11-23T00:00:00Z"); // 09:00 in Tokyo
  private static final Instant DIGEST_TIME = Instant.parse("2026-11-23T09:00:00Z"); // 18:00

  private final ServiceParts parts = ServiceParts.startingAt(MORNING);
  private final DeliveriesTopic deliveries = new DeliveriesTopic();

  @BeforeEach
  void residentWhoReadsEnglishWithAPhoneAndATablet() {
    parts.devices.put(Fixtures.device("phone", "r-1", "tok-phone", "ja"));
    parts.devices.put(Fixtures.device("tablet", "r-1", "tok-tablet", "ja"));
    parts.languages.put("r-1", List.of("en"), TOKYO);
  }

  @AfterEach
  void stop() {
    parts.close();
  }

  /** One life of the push service, started now. */
  private final class Service {
    final SentLedger ledger = SentLedger.standalone(parts.clock);
    final PushScheduler scheduler = new PushScheduler(parts.clock);
    final Dispatcher dispatcher;

    Service() {
      parts
          .kafka
          .acknowledged(Topics.PUSH_RESULTS)
          .forEach(r -> ledger.record(Json.read(r.value(), PushResult.class)));
      ScheduleRecovery.recover(deliveries.consumer(), parts.clock, scheduler);
      dispatcher = parts.dispatcher(ledger, parts.recorder(ledger), false);
    }

    /** What the due timer does each second. */
    void tick() throws InterruptedException {
      dispatcher.push(scheduler.takeDue());
    }
  }

  /** The day's three digest deliveries for r-1, decided in the morning, titles in ja and en. */
  private List<Delivery> threeForTheDigestAt(Instant digestAt, String day) {
    Instant decided = digestAt.minus(Duration.ofHours(9));
    return List.of(
        Fixtures.digest(
            "n-bins-" + day,
            "r-1",
            0.4,
            Map.of("ja", "ごみ収集日の変更", "en", "Bin days change"),
            decided,
            digestAt),
        Fixtures.digest(
            "n-allowance-" + day,
            "r-1",
            0.9,
            Map.of("ja", "児童手当の申請", "en", "Child allowance"),
            decided,
            digestAt),
        Fixtures.digest(
            "n-water-" + day,
            "r-1",
            0.6,
            Map.of("ja", "断水のお知らせ", "en", "Water cut"),
            decided,
            digestAt));
  }

  /** A push due at {@code at}: once it arrived, the tick that was due at that time has run. */
  private Delivery marker(String name, Instant at) {
    return Fixtures.pushAt(name, "r-1", at.minus(Duration.ofHours(1)), at);
  }

  private List<ReceivedMessage> digests() {
    return parts.fcm.server().received().stream()
        .filter(m -> m.data().containsKey("digest"))
        .toList();
  }

  private static String body(ReceivedMessage message) {
    return Json.read(message.json(), Map.class).get("notification") instanceof Map<?, ?> n
        ? (String) n.get("body")
        : null;
  }

  @Test
  void threeDigestDeliveriesMakeOnePushPerDeviceWithTheTopTitlesByScore() throws Exception {
    List<Delivery> three = threeForTheDigestAt(DIGEST_TIME, "1");
    deliveries.write(three);
    Service service = new Service();

    parts.clock.advance(Duration.between(MORNING, DIGEST_TIME).minusSeconds(1));
    service.tick();
    assertThat(parts.fcm.server().received()).as("not before its time").isEmpty();
    parts.clock.advance(Duration.ofSeconds(1));
    service.tick();

    assertThat(parts.fcm.server().received())
        .extracting(ReceivedMessage::token)
        .containsExactlyInAnyOrder("tok-phone", "tok-tablet");
    assertThat(parts.fcm.server().received())
        .allSatisfy(
            m -> {
              assertThat(m.title()).isEqualTo("Your digest (3)");
              assertThat(body(m)).isEqualTo("・Child allowance\n・Water cut\n・Bin days change");
              assertThat(m.data())
                  .containsEntry("digest", "2026-11-23")
                  .containsEntry("count", "3")
                  .containsEntry("noticeIds", "n-allowance-1,n-water-1,n-bins-1");
            });
  }

  @Test
  void noDigestWhenAllThreeNoticesWereWithdrawn() throws Exception {
    List<Delivery> three = threeForTheDigestAt(DIGEST_TIME, "1");
    deliveries.write(three);
    deliveries.write(List.of(marker("n-marker", DIGEST_TIME)));
    for (Delivery d : three) {
      parts.notices.add(
          Fixtures.notice(
              d.noticeId(),
              2,
              Severity.IMPORTANT,
              NoticeStatus.WITHDRAWN,
              new Audience.Everyone(),
              MORNING,
              MORNING.plus(Duration.ofDays(7))));
    }
    Service service = new Service();

    parts.clock.advance(Duration.between(MORNING, DIGEST_TIME));
    service.tick();

    assertThat(parts.fcm.server().received())
        .as("the marker due at the same time went out, the digest did not")
        .extracting(m -> m.data().get("noticeId"))
        .containsExactlyInAnyOrder("n-marker", "n-marker");
    assertThat(digests()).isEmpty();
  }

  @Test
  void aRestartOnTheSameDayDoesNotSendTheDigestAgain() throws Exception {
    deliveries.write(threeForTheDigestAt(DIGEST_TIME, "1"));
    Service first = new Service();
    parts.clock.advance(Duration.between(MORNING, DIGEST_TIME));
    first.tick();
    assertThat(digests()).hasSize(2);

    parts.clock.advance(Duration.ofMinutes(10));
    deliveries.write(List.of(marker("n-marker", parts.clock.instant())));
    Service restarted = new Service();
    assertThat(restarted.scheduler.size())
        .as("the digest's deliveries and the marker re-read from deliveries.v1")
        .isEqualTo(4);
    restarted.tick();

    assertThat(parts.fcm.server().received())
        .filteredOn(m -> "n-marker".equals(m.data().get("noticeId")))
        .as("the restarted service's tick ran")
        .hasSize(2);
    assertThat(digests()).as("still the first service's two").hasSize(2);
  }

  @Test
  void theNextDaysDigestIsSent() throws Exception {
    deliveries.write(threeForTheDigestAt(DIGEST_TIME, "1"));
    Service first = new Service();
    parts.clock.advance(Duration.between(MORNING, DIGEST_TIME));
    first.tick();

    Instant nextDigest = DIGEST_TIME.plus(Duration.ofDays(1));
    parts.clock.advance(Duration.ofHours(15)); // 09:00 the next day in Tokyo
    deliveries.write(threeForTheDigestAt(nextDigest, "2"));
    Service restarted = new Service();
    parts.clock.advance(Duration.between(parts.clock.instant(), nextDigest));
    restarted.tick();

    assertThat(digests())
        .extracting(m -> m.data().get("digest"), ReceivedMessage::token)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("2026-11-23", "tok-phone"),
            org.assertj.core.groups.Tuple.tuple("2026-11-23", "tok-tablet"),
            org.assertj.core.groups.Tuple.tuple("2026-11-24", "tok-phone"),
            org.assertj.core.groups.Tuple.tuple("2026-11-24", "tok-tablet"));
    assertThat(digests().subList(2, 4))
        .allSatisfy(
            m ->
                assertThat(m.data())
                    .containsEntry("noticeIds", "n-allowance-2,n-water-2,n-bins-2"));
  }

  /** deliveries.v1 as a test writes it: each record stamped with its delivery's decision time. */
  private static final class DeliveriesTopic {
    private final List<Delivery> written = new ArrayList<>();

    void write(List<Delivery> records) {
      written.addAll(records);
    }

    TopicConsumer consumer() {
      return new TopicConsumer(
          Topics.DELIVERIES,
          written.stream()
              .map(
                  d ->
                      new ConsumerRecord<>(
                          Topics.DELIVERIES,
                          0,
                          0,
                          d.decidedAt().toEpochMilli(),
                          TimestampType.CREATE_TIME,
                          0,
                          0,
                          d.residentId(),
                          Json.write(d),
                          new RecordHeaders(),
                          Optional.empty()))
              .toList());
    }
  }
}
