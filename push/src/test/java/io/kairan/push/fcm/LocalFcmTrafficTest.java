package io.kairan.push.fcm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.core.ApiFuture;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.push.fcmlocal.SendTraffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local FCM server's record of its send traffic, the reference the push benchmark measures the
 * sender's pace and concurrency against.
 */
class LocalFcmTrafficTest {
  private static final long MS = 1_000_000;

  @Test
  void theBusiestWindowCountsTheArrivalsWithinOneWindowLength() {
    // [300 ms, 1300 ms) holds 300, 900, 1000, 1200; no other one-second window holds more.
    long[] arrivals = {2500 * MS, 0, 900 * MS, 300 * MS, 1200 * MS, 1000 * MS};

    assertThat(SendTraffic.maxWithin(arrivals, Duration.ofSeconds(1))).isEqualTo(4);
  }

  @Test
  void anArrivalOneWindowLengthLaterBelongsToTheNextWindow() {
    long[] arrivals = {0, 999 * MS, 1000 * MS, 1999 * MS};

    assertThat(SendTraffic.maxWithin(arrivals, Duration.ofSeconds(1))).isEqualTo(2);
    assertThat(SendTraffic.maxWithin(new long[0], Duration.ofSeconds(1))).isZero();
  }

  @Test
  void sendsWaitingForALateAnswerHoldNoWorker() throws Exception {
    try (LocalFcmServer server = LocalFcmServer.start(0)) {
      server.answerAfter(Duration.ofHours(1));
      FirebaseApp app = FcmTestApps.pointedAt(server);
      try {
        FirebaseMessaging messaging = FirebaseMessaging.getInstance(app);
        List<ApiFuture<String>> sends = new ArrayList<>();
        // Three times the server's 8 workers: a worker held per waiting send would cap it at 8.
        for (int i = 0; i < 24; i++) {
          sends.add(messaging.sendAsync(Message.builder().setToken("t" + i).build()));
        }
        for (int polls = 0; server.traffic().inFlight() < 24; polls++) {
          assertThat(polls).as("sends waiting at the server").isLessThan(600);
          TimeUnit.MILLISECONDS.sleep(100);
        }

        assertThat(server.received()).hasSize(24);
        assertThat(server.traffic().arrivalNanos()).hasSize(24);
        assertThat(server.traffic().peakInFlight()).isEqualTo(24);
        assertThat(sends).noneMatch(ApiFuture::isDone);
      } finally {
        app.delete();
      }
    }
  }

  @Test
  void clearingForgetsTheArrivalsAndRestartsThePeakFromWhatWaitsNow() throws Exception {
    try (LocalFcmServer server = LocalFcmServer.start(0)) {
      FirebaseApp app = FcmTestApps.pointedAt(server);
      try {
        FirebaseMessaging messaging = FirebaseMessaging.getInstance(app);
        messaging.send(Message.builder().setToken("a").build());
        messaging.send(Message.builder().setToken("b").build());

        server.clear();

        assertThat(server.traffic().arrivalNanos()).isEmpty();
        assertThat(server.traffic().inFlight()).isZero();
        assertThat(server.traffic().peakInFlight()).isZero();
      } finally {
        app.delete();
      }
    }
  }
}
