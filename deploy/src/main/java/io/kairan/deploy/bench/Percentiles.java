package io.kairan.deploy.bench;

import java.util.Arrays;
import java.util.Map;

/** p50 and p99 of a run's samples, in milliseconds. */
record Percentiles(double p50Ms, double p99Ms) {
  static Percentiles ofNanos(long[] nanos) {
    return new Percentiles(at(nanos, 50) / 1e6, at(nanos, 99) / 1e6);
  }

  static Percentiles ofMillis(long[] millis) {
    return new Percentiles(at(millis, 50), at(millis, 99));
  }

  private static double at(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  Map<String, Object> json() {
    return Map.of("p50Ms", p50Ms, "p99Ms", p99Ms);
  }
}
