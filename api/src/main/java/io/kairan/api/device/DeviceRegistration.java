package io.kairan.api.device;

import io.kairan.model.resident.Platform;

/** What the app sends to register for pushes. */
public record DeviceRegistration(String token, Platform platform, String locale) {}
