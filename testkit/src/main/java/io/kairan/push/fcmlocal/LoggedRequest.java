package io.kairan.push.fcmlocal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One send request as the local server received it and what it answered: the message's parts are
 * kept as sent, so a newcomer sees exactly what a device would have been handed.
 *
 * @param token the device token, or null for a topic message
 * @param topic the topic, or null for a device message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedRequest(
    Instant time,
    String token,
    String topic,
    String title,
    String body,
    JsonNode data,
    JsonNode android,
    JsonNode apns,
    Answer answer) {

  /** A request's message as received (the {@code message} object of the send body). */
  static LoggedRequest of(Instant time, JsonNode message, Answer answer) {
    JsonNode notification = message.path("notification");
    return new LoggedRequest(
        time,
        message.path("token").asText(null),
        message.path("topic").asText(null),
        notification.path("title").asText(null),
        notification.path("body").asText(null),
        orNull(message.path("data")),
        orNull(message.path("android")),
        orNull(message.path("apns")),
        answer);
  }

  private static JsonNode orNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node;
  }
}
