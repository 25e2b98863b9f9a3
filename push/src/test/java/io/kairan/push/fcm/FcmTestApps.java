package io.kairan.push.fcm;

import com.google.firebase.FirebaseApp;
import io.kairan.push.fcmlocal.LocalFcmServer;
import java.io.IOException;

/** A FirebaseApp configured exactly as the push service does, pointed at a local FCM server. */
public final class FcmTestApps {
  private FcmTestApps() {}

  public static FirebaseApp pointedAt(LocalFcmServer server) throws IOException {
    return new FirebaseConfig()
        .firebaseApp(new FcmSettings("kairan-test", server.endpoint(), 0, 0));
  }
}
