package io.kairan.push.fcmlocal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the local server answered a send: a message id, or an FCM error with its HTTP status.
 *
 * @param status the canonical status ({@code OK}, {@code NOT_FOUND}, …)
 * @param retryAfterSeconds the Retry-After header, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(
    int httpStatus,
    String status,
    String messageId,
    FcmError error,
    String reason,
    Integer retryAfterSeconds) {

  static Answer sent(String messageId) {
    return new Answer(200, "OK", messageId, null, null, null);
  }

  /** The error with the HTTP status and canonical status FCM answers it with. */
  static Answer failed(FcmError error, String reason, Integer retryAfterSeconds) {
    return new Answer(error.httpStatus, error.status, null, error, reason, retryAfterSeconds);
  }

  /** An error whose HTTP status is not the FCM error's own (no such endpoint). */
  static Answer failed(FcmError error, int httpStatus, String status, String reason) {
    return new Answer(httpStatus, status, null, error, reason, null);
  }

  /** The response body the Admin SDK parses. */
  String body() {
    if (error == null) {
      return "{\"name\":\"" + messageId + "\"}";
    }
    return """
        {"error":{"code":%d,"message":"%s","status":"%s","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]}}"""
        .formatted(httpStatus, reason, status, error.name());
  }
}
