package io.kairan.push.fcm;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import io.kairan.push.fcmlocal.LocalFcmServer;
import java.io.IOException;

/** A local FCM server of a test's own, and the Admin SDK pointed at it as the service does. */
public record LocalFcm(LocalFcmServer server, FirebaseApp app) implements AutoCloseable {
  public static LocalFcm start() throws IOException {
    LocalFcmServer server = LocalFcmServer.start(0);
    return new LocalFcm(server, FcmTestApps.pointedAt(server));
  }

  public FirebaseMessaging messaging() {
    return FirebaseMessaging.getInstance(app);
  }

  @Override
  public void close() {
    app.delete();
    server.close();
  }
}
