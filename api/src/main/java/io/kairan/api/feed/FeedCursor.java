package io.kairan.api.feed;

import io.kairan.model.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Where a walk through the feed stands: the sort key of the last delivery a page used (decidedAt in
 * milliseconds, then the delivery id) and the instant the walk began. Deliveries decided after that
 * instant are not part of the walk, so new arrivals neither repeat nor push items to later pages;
 * the next walk from the top shows them. Opaque to clients: base64url of {@code asOf|at|id}.
 */
record FeedCursor(long asOfMillis, long decidedAtMillis, String deliveryId) {
  static final int MAX_LENGTH = 1_000;
  private static final String BAD = "cursor: not a cursor this feed gave out";

  /** The start of a walk at {@code now}: nothing passed yet. */
  static FeedCursor start(Instant now) {
    return new FeedCursor(now.toEpochMilli(), Long.MAX_VALUE, null);
  }

  boolean atStart() {
    return deliveryId == null;
  }

  FeedCursor after(long decidedAt, String id) {
    return new FeedCursor(asOfMillis, decidedAt, id);
  }

  String encode() {
    String plain = asOfMillis + "|" + decidedAtMillis + "|" + deliveryId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back; a 400 problem naming the parameter if it is not one. */
  static FeedCursor decode(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidRecordException(List.of(BAD));
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", 3);
      if (parts.length != 3 || parts[2].isEmpty()) {
        throw new InvalidRecordException(List.of(BAD));
      }
      long asOf = Long.parseLong(parts[0]);
      long at = Long.parseLong(parts[1]);
      if (asOf < 0 || at < 0 || at > asOf) {
        throw new InvalidRecordException(List.of(BAD));
      }
      return new FeedCursor(asOf, at, parts[2]);
    } catch (IllegalArgumentException e) {
      // Not base64, or not numbers (NumberFormatException is one).
      throw new InvalidRecordException(List.of(BAD));
    }
  }
}
