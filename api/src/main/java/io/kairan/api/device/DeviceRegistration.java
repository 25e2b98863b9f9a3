package io.kairan.api.device;

import io.kairan.model.resident.Platform;

/**
 * What the app sends to register for pushes.
 *
 * @param id to re-register one of the caller's devices with a new token (optional)
 * @param replaces the id or token of the caller's device a refreshed token replaces (optional): it
 *     is removed, so its old token is pushed no more
 */
public record DeviceRegistration(
    String token, Platform platform, String locale, String id, String replaces) {
  /** A first registration: a device the caller has not registered before. */
  public DeviceRegistration(String token, Platform platform, String locale) {
    this(token, platform, locale, null, null);
  }
}
