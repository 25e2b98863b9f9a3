package io.kairan.push.fcm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import io.kairan.model.json.Json;
import io.kairan.push.fcmlocal.FcmError;
import io.kairan.push.fcmlocal.LocalFcmServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /requests}: what the local FCM server received, read after real Admin SDK sends. */
class LocalFcmRequestsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A local server and the SDK pointed at it; every test has its own. */
  private record Fcm(LocalFcmServer server, FirebaseApp app, FirebaseMessaging messaging)
      implements AutoCloseable {
    static Fcm start(int loggedRequests) throws Exception {
      LocalFcmServer server = LocalFcmServer.start(0, loggedRequests);
      FirebaseApp app = FcmTestApps.pointedAt(server);
      return new Fcm(server, app, FirebaseMessaging.getInstance(app));
    }

    void sendTo(String token, String title) throws FirebaseMessagingException {
      messaging.send(message(token, title));
    }

    /** Titles m1 … mN, in that order. */
    void sendNumbered(int n) throws FirebaseMessagingException {
      for (int i = 1; i <= n; i++) {
        sendTo("t", "m" + i);
      }
    }

    HttpResponse<String> get(String query) throws Exception {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.requestsUrl() + query)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    List<JsonNode> list(String query) throws Exception {
      HttpResponse<String> response = get(query);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      List<JsonNode> entries = new ArrayList<>();
      Json.mapper().readTree(response.body()).forEach(entries::add);
      return entries;
    }

    /** The titles listed for the query, in the listing's order. */
    List<String> titles(String query) throws Exception {
      return list(query).stream().map(r -> r.path("title").asText()).toList();
    }

    @Override
    public void close() {
      app.delete();
      server.close();
    }
  }

  private static Message message(String token, String title) {
    return Message.builder()
        .setToken(token)
        .setNotification(Notification.builder().setTitle(title).setBody("本文").build())
        .putData("noticeId", "n-" + title)
        .setAndroidConfig(AndroidConfig.builder().setCollapseKey("n-" + title).build())
        .setApnsConfig(
            ApnsConfig.builder()
                .putHeader("apns-priority", "10")
                .setAps(Aps.builder().putCustomData("interruption-level", "critical").build())
                .build())
        .build();
  }

  @Test
  void sendsAreListedNewestFirstWithTheirPartsAsReceivedAndTheAnswer() throws Exception {
    try (Fcm fcm = Fcm.start(100)) {
      fcm.sendTo("token-a", "first");
      fcm.sendTo("token-b", "second");

      List<JsonNode> listed = fcm.list("");

      assertThat(listed)
          .extracting(r -> r.path("title").asText())
          .containsExactly("second", "first");
      JsonNode newest = listed.get(0);
      assertThat(newest.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(newest.path("token").asText()).isEqualTo("token-b");
      assertThat(newest.path("body").asText()).isEqualTo("本文");
      assertThat(newest.path("data").path("noticeId").asText()).isEqualTo("n-second");
      assertThat(newest.path("android").path("collapse_key").asText()).isEqualTo("n-second");
      assertThat(newest.path("apns").path("headers").path("apns-priority").asText())
          .isEqualTo("10");
      assertThat(newest.path("answer").path("httpStatus").asInt()).isEqualTo(200);
      assertThat(newest.path("answer").path("messageId").asText())
          .startsWith("projects/kairan-test/messages/");
    }
  }

  @Test
  void aRefusedSendIsListedWithTheErrorItWasAnswered() throws Exception {
    try (Fcm fcm = Fcm.start(100)) {
      fcm.server().failToken("gone", FcmError.UNREGISTERED);
      fcm.messaging().sendEach(List.of(message("gone", "refused")));

      JsonNode answer = fcm.list("").get(0).path("answer");

      assertThat(answer.path("httpStatus").asInt()).isEqualTo(404);
      assertThat(answer.path("error").asText()).isEqualTo("UNREGISTERED");
      assertThat(answer.has("messageId")).isFalse();
    }
  }

  @Test
  void theTokenFilterListsOnlyThatDevicesSends() throws Exception {
    try (Fcm fcm = Fcm.start(100)) {
      fcm.sendTo("demo-token-r-000001", "one");
      fcm.sendTo("other", "two");
      fcm.sendTo("demo-token-r-000001", "three");

      assertThat(fcm.titles("?token=demo-token-r-000001")).containsExactly("three", "one");
    }
  }

  @Test
  void topicMessagesAreListedAndFilteredByTopic() throws Exception {
    try (Fcm fcm = Fcm.start(100)) {
      fcm.messaging().send(Message.builder().setTopic("district-a").putData("k", "v").build());
      fcm.sendTo("t", "device");

      assertThat(fcm.list("?topic=district-a"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.has("token")).isFalse();
                assertThat(r.path("data").path("k").asText()).isEqualTo("v");
              });
    }
  }

  @Test
  void theLimitKeepsTheNewestOnes() throws Exception {
    try (Fcm fcm = Fcm.start(100)) {
      fcm.sendNumbered(4);

      assertThat(fcm.titles("?limit=2")).containsExactly("m4", "m3");
    }
  }

  @Test
  void onlyTheLastRequestsAreKept() throws Exception {
    try (Fcm fcm = Fcm.start(3)) {
      fcm.sendNumbered(5);

      assertThat(fcm.titles("?limit=1000")).containsExactly("m5", "m4", "m3");
      assertThat(fcm.server().received()).hasSize(5);
    }
  }

  @Test
  void aLimitThatIsNotAPositiveNumberIsRefused() throws Exception {
    try (Fcm fcm = Fcm.start(100)) {
      HttpResponse<String> response = fcm.get("?limit=-1");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("limit must be a positive whole number");
    }
  }
}
