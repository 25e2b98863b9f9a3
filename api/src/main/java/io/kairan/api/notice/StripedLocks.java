package io.kairan.api.notice;

/** A lock per notice id, from a fixed set: writes to one notice take turns, others do not wait. */
final class StripedLocks {
  private static final int STRIPES = 64;
  private final Object[] locks = new Object[STRIPES];

  StripedLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  Object of(String id) {
    return locks[Math.floorMod(id.hashCode(), STRIPES)];
  }
}
