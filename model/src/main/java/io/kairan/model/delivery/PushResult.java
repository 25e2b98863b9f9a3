package io.kairan.model.delivery;

import java.time.Instant;

/** The outcome of pushing a delivery to one device, keyed by delivery id on push-results.v1. */
public record PushResult(
    String deliveryId,
    String deviceId,
    String residentId,
    String noticeId,
    PushOutcome outcome,
    String fcmMessageId,
    String error,
    Instant at) {

  /** The delivery id of a district-topic message (stage one): no resident's, no one device's. */
  public static final String BROADCAST_PREFIX = "broadcast:";

  /** The device id of the fallback e-mail's result: not a device (ids of devices never match). */
  public static final String EMAIL = "e-mail:";

  /** A district-topic message, not a push to a resident's device: not counted as one. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isBroadcast() {
    return deliveryId != null && deliveryId.startsWith(BROADCAST_PREFIX);
  }
}
