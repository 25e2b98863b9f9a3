package io.kairan.api.device;

import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import java.time.Instant;

/**
 * A device as its resident sees it listed: the token's last characters only, to tell them apart.
 */
public record ListedDevice(
    String id, Platform platform, String locale, String tokenEnd, Instant registeredAt) {
  static final int SHOWN = 6;

  static ListedDevice of(Device d) {
    String token = d.token();
    return new ListedDevice(
        d.id(),
        d.platform(),
        d.locale(),
        token.length() <= SHOWN ? token : token.substring(token.length() - SHOWN),
        d.registeredAt());
  }
}
