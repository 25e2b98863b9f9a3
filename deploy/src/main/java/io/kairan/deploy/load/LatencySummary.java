package io.kairan.deploy.load;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Percentiles of latencies in milliseconds, from an HdrHistogram (3 significant digits). */
record LatencySummary(long count, long p50Ms, long p95Ms, long p99Ms, long maxMs) {

  static LatencySummary of(Histogram ms) {
    return new LatencySummary(
        ms.getTotalCount(),
        ms.getValueAtPercentile(50),
        ms.getValueAtPercentile(95),
        ms.getValueAtPercentile(99),
        ms.getMaxValue());
  }

  /** Up to an hour, whole milliseconds kept to 3 significant digits. */
  static Histogram histogram() {
    return new Histogram(3_600_000L, 3);
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", count);
    json.put("p50Ms", p50Ms);
    json.put("p95Ms", p95Ms);
    json.put("p99Ms", p99Ms);
    json.put("maxMs", maxMs);
    return json;
  }
}
