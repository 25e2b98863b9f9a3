package io.kairan.model.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Delivery ids are derived from (notice id, notice version, resident id), so every consumer can
 * write idempotently and a replay never makes a second delivery.
 */
public final class DeliveryId {
  private DeliveryId() {}

  public static String of(String noticeId, int noticeVersion, String residentId) {
    String name = noticeId + '\u0000' + noticeVersion + '\u0000' + residentId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
