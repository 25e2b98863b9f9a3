package io.kairan.push.fcmlocal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The filter of {@code GET /requests}: {@code token}, {@code topic}, {@code limit} (default 100, at
 * most what the log keeps).
 *
 * @param token only sends to this device token, or null for any
 * @param topic only sends to this topic, or null for any
 */
record RequestQuery(String token, String topic, int limit) {
  static final int DEFAULT_LIMIT = 100;

  /** Parses a raw query string; a limit that is not a positive number is refused. */
  static RequestQuery parse(String rawQuery, int maxLimit) {
    String token = null;
    String topic = null;
    int limit = Math.min(DEFAULT_LIMIT, maxLimit);
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      switch (name) {
        case "token" -> token = value;
        case "topic" -> topic = value;
        case "limit" -> limit = Math.min(positive(value), maxLimit);
        default -> throw new IllegalArgumentException("unknown parameter " + name);
      }
    }
    return new RequestQuery(token, topic, limit);
  }

  boolean matches(LoggedRequest request) {
    return (token == null || token.equals(request.token()))
        && (topic == null || topic.equals(request.topic()));
  }

  private static int positive(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, with the value
    }
    throw new IllegalArgumentException("limit must be a positive whole number, was " + value);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
