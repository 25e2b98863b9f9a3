package io.kairan.recommender.job;

/**
 * Residents are spread over a fixed number of virtual shards, so a notice is broadcast to a bounded
 * number of keys however many residents there are, and parallelism can change freely.
 */
public final class Shards {
  public static final int COUNT = 128;

  private Shards() {}

  public static int of(String residentId) {
    return Math.floorMod(residentId.hashCode(), COUNT);
  }
}
