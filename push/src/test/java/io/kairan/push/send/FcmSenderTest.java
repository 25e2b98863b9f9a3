package io.kairan.push.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.Message;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.push.FcmSenders;
import io.kairan.push.MutableClock;
import io.kairan.push.fcm.FcmTestApps;
import io.kairan.push.fcmlocal.FcmError;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender on the real Admin SDK against the local FCM server; time is a fake clock. */
class FcmSenderTest {
  private LocalFcmServer server;
  private FirebaseApp app;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private FcmSender sender;

  @BeforeEach
  void start() throws Exception {
    server = LocalFcmServer.start(0);
    app = FcmTestApps.pointedAt(server);
    sender = FcmSenders.on(app, clock, 600_000, registry);
  }

  @AfterEach
  void stop() {
    app.delete();
    server.close();
  }

  private static Message to(String token) {
    return Message.builder().setToken(token).putData("deliveryId", token).build();
  }

  @Test
  void everyMessageGetsItsOwnOutcome() throws Exception {
    server.failToken("gone", FcmError.UNREGISTERED);
    server.failToken("bad", FcmError.INVALID_ARGUMENT);
    server.failToken("other-project", FcmError.SENDER_ID_MISMATCH);

    var outcomes = sender.send(List.of(to("ok"), to("gone"), to("bad"), to("other-project")));

    assertThat(outcomes)
        .extracting(FcmSender.Outcome::outcome)
        .containsExactly(
            PushOutcome.SENT,
            PushOutcome.INVALID_TOKEN,
            PushOutcome.REJECTED,
            PushOutcome.REJECTED);
    assertThat(outcomes.get(0).messageId()).startsWith("projects/");
    assertThat(outcomes)
        .extracting(FcmSender.Outcome::attempts)
        .as("refusals are not retried")
        .containsOnly(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void quotaExceededWaitsAtLeastAMinuteThenSucceeds() throws Exception {
    server.failTokenTimes("busy", FcmError.QUOTA_EXCEEDED, 5, 2);

    var outcome = sender.send(List.of(to("busy"))).get(0);

    assertThat(outcome.outcome()).isEqualTo(PushOutcome.SENT);
    assertThat(outcome.attempts()).isEqualTo(3);
    assertThat(clock.sleeps)
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMinutes(1)));
    assertThat(registry.counter("kairan.push.retried").count()).isEqualTo(2);
  }

  @Test
  void aLongRetryAfterIsHonoured() throws Exception {
    server.failTokenTimes("slow-down", FcmError.QUOTA_EXCEEDED, 300, 1);

    sender.send(List.of(to("slow-down")));

    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(300));
  }

  @Test
  void anErrorThatPersistsEndsAsFailedAfterRetries() throws Exception {
    server.failToken("never", FcmError.QUOTA_EXCEEDED);

    var outcome = sender.send(List.of(to("never"))).get(0);

    assertThat(outcome.outcome()).isEqualTo(PushOutcome.FAILED_AFTER_RETRIES);
    assertThat(outcome.attempts()).isEqualTo(RetryPolicy.standard().maxAttempts());
    assertThat(outcome.error()).startsWith("QUOTA_EXCEEDED");
  }

  @Test
  void theRateLimitSpacesLargeSends() throws Exception {
    var slow = FcmSenders.on(app, clock, 6_000, registry);

    slow.send(IntStream.range(0, 300).mapToObj(i -> to("t" + i)).toList());

    // 100 a second: five at once (a twentieth of a second's worth), then one every 10 ms, the
    // k-th at (k - 4) × 10 ms; each second starts again with five at once, when the window lets
    // the first five of the second before go. The 300th (k = 299) goes at 2.95 s.
    assertThat(clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofMillis(2_950));
    assertThat(server.received()).hasSize(300);
  }

  @Test
  void theSenderKeepsUpToItsMaxInFlightWaitingForAnswers() throws Exception {
    // 300, above the Admin SDK's default of 100 threads, which would cap the sends in flight.
    var wide = FcmSenders.on(app, clock, 600_000, 300, registry);
    server.holdAnswers();
    var messages = IntStream.range(0, 400).mapToObj(i -> to("t" + i)).toList();
    var sending = CompletableFuture.supplyAsync(() -> sendAll(wide, messages));
    try {
      awaitInFlight(300);
    } finally {
      server.releaseAnswers();
    }
    var outcomes = sending.get(60, TimeUnit.SECONDS);

    assertThat(outcomes).hasSize(400).allMatch(o -> o.outcome() == PushOutcome.SENT);
    assertThat(server.traffic().peakInFlight()).as("never more than the max").isEqualTo(300);
    assertThat(wide.peakInFlight()).isEqualTo(300);
    assertThat(server.received()).hasSize(400);
  }

  private static List<FcmSender.Outcome> sendAll(FcmSender sender, List<Message> messages) {
    try {
      return sender.send(messages);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Woken by each arrival at the server: fails only if the sends never all arrive. */
  private void awaitInFlight(int expected) throws InterruptedException {
    assertThat(server.traffic().awaitInFlight(expected, Duration.ofMinutes(1)))
        .as("%d sends waiting at the server", expected)
        .isTrue();
  }

  /** HTTP 500 errors, which the Admin SDK does not retry: each request is one of our attempts. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      value = FcmError.class,
      names = {"INTERNAL", "UNSPECIFIED_ERROR"})
  void serverErrorsAreRetriedByThePolicyUntilTheyPass(FcmError error) throws Exception {
    server.failTokenTimes("flaky", error, null, 2);

    var outcome = sender.send(List.of(to("flaky"))).get(0);

    assertThat(outcome.outcome()).isEqualTo(PushOutcome.SENT);
    assertThat(outcome.attempts()).isEqualTo(3);
    assertThat(server.requestsTo("flaky")).as("two refused, one accepted").hasSize(3);
    assertThat(clock.sleeps)
        .as("the policy's back-off before attempts 2 and 3: 0.5–1 s, then 1–2 s")
        .hasSize(2)
        .satisfies(
            s -> assertThat(s.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)))
        .satisfies(
            s -> assertThat(s.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertThat(registry.counter("kairan.push.retried").count()).isEqualTo(2);
  }

  /**
   * UNAVAILABLE (HTTP 503) is retried by the Admin SDK itself, up to 4 more requests within one of
   * our attempts, waiting Retry-After (real time) when it is at most a minute.
   */
  @Test
  void anUnavailableIsFirstRetriedByTheSdkWithinOneAttempt() throws Exception {
    server.failTokenTimes("busy", FcmError.UNAVAILABLE, 1, 1);

    var outcome = sender.send(List.of(to("busy"))).get(0);

    assertThat(outcome.outcome()).isEqualTo(PushOutcome.SENT);
    assertThat(outcome.attempts()).as("the SDK's retry is inside attempt 1").isEqualTo(1);
    assertThat(server.requestsTo("busy")).hasSize(2);
    assertThat(clock.sleeps).as("the policy never waited").isEmpty();
  }

  @Test
  void anUnavailableTheSdkGaveUpOnIsRetriedByThePolicy() throws Exception {
    // The SDK makes 5 requests (1 + 4 retries, 1 s apart), then our attempt 2 succeeds.
    server.failTokenTimes("down", FcmError.UNAVAILABLE, 1, 5);

    var outcome = sender.send(List.of(to("down"))).get(0);

    assertThat(outcome.outcome()).isEqualTo(PushOutcome.SENT);
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(server.requestsTo("down"))
        .as("5 by the SDK in attempt 1, 1 in attempt 2")
        .hasSize(6);
    assertThat(clock.sleeps).hasSize(1);
  }

  @Test
  void anUnavailableWithARetryAfterBeyondAMinuteIsLeftToThePolicy() throws Exception {
    // The SDK does not wait longer than a minute: it hands the error over at once.
    server.failTokenTimes("later", FcmError.UNAVAILABLE, 61, 1);

    var outcome = sender.send(List.of(to("later"))).get(0);

    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(server.requestsTo("later")).hasSize(2);
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(61));
  }

  @Test
  void anAuthenticationFailureIsRetriedThenReportedNotThrown() throws Exception {
    server.failToken("t", FcmError.THIRD_PARTY_AUTH_ERROR);

    var outcome = sender.send(List.of(to("t"))).get(0);

    assertThat(outcome.outcome()).isEqualTo(PushOutcome.FAILED_AFTER_RETRIES);
    assertThat(outcome.attempts()).isEqualTo(RetryPolicy.standard().maxAttempts());
  }
}
