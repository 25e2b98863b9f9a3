package io.kairan.push.fcmlocal;

import java.util.Map;

/** A message the local FCM server accepted, as the SDK sent it. */
public record ReceivedMessage(
    String messageId, String token, String title, Map<String, String> data, String json) {}
