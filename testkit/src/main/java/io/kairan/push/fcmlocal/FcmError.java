package io.kairan.push.fcmlocal;

/** The FCM v1 error codes, with the HTTP status and canonical status FCM answers them with. */
public enum FcmError {
  UNSPECIFIED_ERROR(500, "UNKNOWN"),
  INVALID_ARGUMENT(400, "INVALID_ARGUMENT"),
  UNREGISTERED(404, "NOT_FOUND"),
  SENDER_ID_MISMATCH(403, "PERMISSION_DENIED"),
  QUOTA_EXCEEDED(429, "RESOURCE_EXHAUSTED"),
  UNAVAILABLE(503, "UNAVAILABLE"),
  INTERNAL(500, "INTERNAL"),
  THIRD_PARTY_AUTH_ERROR(401, "UNAUTHENTICATED");

  final int httpStatus;
  final String status;

  FcmError(int httpStatus, String status) {
    this.httpStatus = httpStatus;
    this.status = status;
  }
}
