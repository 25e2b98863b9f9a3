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

    assertThat(clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus))
        .as("300 at 100/s with a burst of 100")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(server.received()).hasSize(300);
  }

  @Test
  void fiveHundredIsTheMostOneCallTakes() {
    var tooMany = IntStream.range(0, 501).mapToObj(i -> to("t" + i)).toList();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sender.send(tooMany))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      value = FcmError.class,
      names = {"UNAVAILABLE", "INTERNAL", "UNSPECIFIED_ERROR"})
  void serverErrorsAreRetriedUntilTheyPass(FcmError error) throws Exception {
    // The SDK itself retries 500 and 503 (honouring Retry-After) before our policy sees them.
    server.failTokenTimes("flaky", error, 1, 1);

    assertThat(sender.send(List.of(to("flaky"))).get(0).outcome()).isEqualTo(PushOutcome.SENT);
  }

  @Test
  void anAuthenticationFailureIsRetriedThenReportedNotThrown() throws Exception {
    server.failToken("t", FcmError.THIRD_PARTY_AUTH_ERROR);

    var outcome = sender.send(List.of(to("t"))).get(0);

    assertThat(outcome.outcome()).isEqualTo(PushOutcome.FAILED_AFTER_RETRIES);
    assertThat(outcome.attempts()).isEqualTo(RetryPolicy.standard().maxAttempts());
  }
}
