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
    Instant at) {}
