package io.kairan.push.fcm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where pushes go. With {@code localEndpoint} set (the local stack, tests) the SDK talks to that
 * server with a stub token; otherwise to FCM with Google application-default credentials
 * (GOOGLE_APPLICATION_CREDENTIALS), which stay in the environment, never in a file of this repo.
 */
@ConfigurationProperties("kairan.fcm")
public record FcmSettings(String projectId, String localEndpoint) {
  public FcmSettings {
    if (projectId == null || projectId.isBlank()) {
      throw new IllegalStateException("kairan.fcm.project-id must be set");
    }
  }

  public boolean isLocal() {
    return localEndpoint != null && !localEndpoint.isBlank();
  }
}
