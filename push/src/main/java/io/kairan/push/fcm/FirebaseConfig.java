package io.kairan.push.fcm;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the FirebaseMessaging that business code gets injected; no static singletons. */
@Configuration
public class FirebaseConfig {
  static final String FCM_ORIGIN = "https://fcm.googleapis.com";

  /** Topic subscriptions go to the Instance ID service. */
  static final String IID_ORIGIN = "https://iid.googleapis.com";

  @Bean(destroyMethod = "delete")
  public FirebaseApp firebaseApp(FcmSettings settings) throws IOException {
    FirebaseOptions.Builder options =
        FirebaseOptions.builder()
            .setProjectId(settings.projectId())
            .setThreadManager(new SendThreads(settings.maxInFlight()));
    if (settings.isLocal()) {
      // The FCM URL is fixed inside the SDK: the transport sends its requests to the local server.
      String local = settings.localEndpoint().replaceAll("/$", "");
      options
          .setCredentials(
              GoogleCredentials.create(
                  new AccessToken(
                      "local-stub-token", Date.from(Instant.now().plus(3650, ChronoUnit.DAYS)))))
          .setHttpTransport(
              new NetHttpTransport.Builder().setConnectionFactory(url -> open(url, local)).build());
    } else {
      options.setCredentials(GoogleCredentials.getApplicationDefault());
    }
    // A unique name: several apps (tests, the local stack) may live in one JVM.
    return FirebaseApp.initializeApp(options.build(), "kairan-push-" + UUID.randomUUID());
  }

  @Bean
  FirebaseMessaging firebaseMessaging(FirebaseApp app) {
    return FirebaseMessaging.getInstance(app);
  }

  private static HttpURLConnection open(URL url, String localEndpoint) throws IOException {
    String target = url.toString();
    if (!target.startsWith(FCM_ORIGIN)) {
      throw new IOException("refusing to call " + url.getHost() + " in local mode");
    }
    return (HttpURLConnection)
        URI.create(localEndpoint + target.substring(FCM_ORIGIN.length())).toURL().openConnection();
  }
}
