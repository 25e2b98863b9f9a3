package io.kairan.api.notice;

import io.kairan.model.InvalidRecordException;
import java.util.List;

/**
 * The Idempotency-Key header of a POST: 1 to 255 visible ASCII characters, bare (as Stripe sends
 * it) or as a quoted structured-field string (as the IETF draft writes it).
 */
record IdempotencyKey(String value) {
  static final String HEADER = "Idempotency-Key";
  static final int MAX_LENGTH = 255;

  static IdempotencyKey parse(String header) {
    String key = header.strip();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (key.isEmpty()
        || key.length() > MAX_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidRecordException(
          List.of(
              HEADER + ": must be 1 to " + MAX_LENGTH + " visible ASCII characters, e.g. a UUID"));
    }
    return new IdempotencyKey(key);
  }
}
