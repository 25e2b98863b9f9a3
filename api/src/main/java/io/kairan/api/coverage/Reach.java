package io.kairan.api.coverage;

/** How a notice reached one resident, or why it did not. */
public enum Reach {
  /** FCM accepted a message for one of their devices. */
  PUSH,
  /** No push went through, but the SMTP server accepted the fallback e-mail to them. */
  EMAIL,
  /** Neither push nor e-mail went through, but they opened it in the feed. */
  FEED_ONLY,
  /** Not reached: no push was tried (no device, or not a pushed channel) and not opened. */
  NOT_REACHED_NO_PUSH,
  /** Not reached: every token FCM was given is no longer registered. */
  NOT_REACHED_UNREGISTERED,
  /** Not reached: the pushes failed after their retries (or FCM refused them). */
  NOT_REACHED_FAILED;

  public boolean reached() {
    return this == PUSH || this == EMAIL || this == FEED_ONLY;
  }

  /** One resident's reach from what the read model holds of them for the notice. */
  static Reach of(
      boolean sent, boolean emailed, boolean opened, boolean unregistered, boolean failed) {
    if (sent) {
      return PUSH;
    }
    if (emailed) {
      return EMAIL;
    }
    if (opened) {
      return FEED_ONLY;
    }
    if (failed) {
      return NOT_REACHED_FAILED;
    }
    return unregistered ? NOT_REACHED_UNREGISTERED : NOT_REACHED_NO_PUSH;
  }
}
