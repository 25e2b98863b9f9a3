package io.kairan.model.resident;

/** The kind of device a push token belongs to. */
public enum Platform {
  ANDROID,
  IOS,
  WEB
}
