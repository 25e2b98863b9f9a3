package io.kairan.push.fcm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import io.kairan.push.fcmlocal.FcmError;
import io.kairan.push.fcmlocal.LocalFcmServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real Firebase Admin SDK, configured as the push service does, against the local FCM server.
 */
class FirebaseAgainstLocalFcmTest {
  private LocalFcmServer server;
  private FirebaseApp app;
  private FirebaseMessaging fcm;

  @BeforeEach
  void start() throws Exception {
    server = LocalFcmServer.start(0);
    app = new FirebaseConfig().firebaseApp(new FcmSettings("kairan-test", server.endpoint(), 0, 0));
    fcm = FirebaseMessaging.getInstance(app);
  }

  @AfterEach
  void stop() {
    app.delete();
    server.close();
  }

  private static Message to(String token) {
    return Message.builder()
        .setToken(token)
        .setNotification(Notification.builder().setTitle("避難指示").build())
        .putData("noticeId", "n-1")
        .build();
  }

  @Test
  void aSentMessageArrivesWithItsTitleAndData() throws Exception {
    String id = fcm.send(to("token-a"));

    assertThat(id).startsWith("projects/kairan-test/messages/");
    assertThat(server.received())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.token()).isEqualTo("token-a");
              assertThat(m.title()).isEqualTo("避難指示");
              assertThat(m.data()).containsEntry("noticeId", "n-1");
            });
  }

  @Test
  void sendEachReportsEveryMessagesOwnOutcome() throws Exception {
    server.failToken("gone", FcmError.UNREGISTERED);

    BatchResponse response = fcm.sendEach(List.of(to("ok-1"), to("gone"), to("ok-2")));

    assertThat(response.getSuccessCount()).isEqualTo(2);
    assertThat(response.getResponses().get(1).getException().getMessagingErrorCode())
        .isEqualTo(MessagingErrorCode.UNREGISTERED);
    assertThat(server.received())
        .extracting(m -> m.token())
        .containsExactlyInAnyOrder("ok-1", "ok-2");
  }

  @ParameterizedTest
  @EnumSource(
      value = FcmError.class,
      names = {"INVALID_ARGUMENT", "UNREGISTERED", "SENDER_ID_MISMATCH", "QUOTA_EXCEEDED"})
  // THIRD_PARTY_AUTH_ERROR (401) makes the SDK refresh its credentials, which a stub token cannot.
  void eachFcmErrorReachesTheCallerAsItsCode(FcmError error) throws Exception {
    server.failToken("t", error);

    var response = fcm.sendEach(List.of(to("t")));

    assertThat(response.getResponses().get(0).getException().getMessagingErrorCode())
        .isEqualTo(MessagingErrorCode.valueOf(error.name()));
  }

  @Test
  void topicSubscriptionsAndTopicMessagesReachTheLocalServer() throws Exception {
    var response = fcm.subscribeToTopic(List.of("a", "b", "c"), "district-072028-x");

    assertThat(response.getErrors())
        .as(response.getErrors().stream().map(e -> e.getReason()).toList().toString())
        .isEmpty();
    assertThat(response.getSuccessCount()).isEqualTo(3);
    assertThat(server.subscribers("district-072028-x")).containsExactlyInAnyOrder("a", "b", "c");
    fcm.send(Message.builder().setTopic("district-072028-x").putData("noticeId", "n").build());
    assertThat(server.topicMessages())
        .singleElement()
        .satisfies(m -> assertThat(m.subscribers()).isEqualTo(3));
  }
}
