package io.kairan.model.delivery;

/** How a delivery reaches the resident. Every channel also puts the notice in the feed. */
public enum Channel {
  PUSH_NOW,
  PUSH_AT,
  DIGEST,
  FEED_ONLY;

  public boolean pushes() {
    return this == PUSH_NOW || this == PUSH_AT;
  }
}
