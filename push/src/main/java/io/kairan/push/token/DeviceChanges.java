package io.kairan.push.token;

import io.kairan.model.resident.Device;

/** Told of every change of the device registry, so that it needs no copy of devices.v1. */
public interface DeviceChanges {
  /**
   * A device appeared, changed or went.
   *
   * @param before the device as it was, or null when it is new
   * @param after the device as it is now, or null when it was removed
   */
  void changed(Device before, Device after);
}
