package io.kairan.push.fcm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where pushes go. With {@code localEndpoint} set (the local stack, tests) the SDK talks to that
 * server with a stub token; otherwise to FCM with Google application-default credentials
 * (GOOGLE_APPLICATION_CREDENTIALS), which stay in the environment, never in a file of this repo.
 * {@code messagesPerMinute} is the client-side rate limit (default 600,000), {@code maxInFlight}
 * the most sends waiting for FCM's answers at once (default 1,000: the quota's pace with answers
 * taking up to 100 ms).
 */
@ConfigurationProperties("kairan.fcm")
public record FcmSettings(
    String projectId, String localEndpoint, long messagesPerMinute, int maxInFlight) {
  /** Under FCM's default project quota of 600,000 messages a minute. */
  public static final long DEFAULT_PER_MINUTE = 600_000;

  /** 10,000 a second × 100 ms. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1_000;

  public FcmSettings {
    if (projectId == null || projectId.isBlank()) {
      throw new IllegalStateException("kairan.fcm.project-id must be set");
    }
    messagesPerMinute = messagesPerMinute <= 0 ? DEFAULT_PER_MINUTE : messagesPerMinute;
    maxInFlight = maxInFlight <= 0 ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
  }

  public boolean isLocal() {
    return localEndpoint != null && !localEndpoint.isBlank();
  }
}
