package io.kairan.deploy.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latencies in milliseconds, kept whole in an HdrHistogram (3 significant digits, up to 1 h). */
final class Latencies {
  private final Histogram histogram = new Histogram(3_600_000L, 3);

  void record(long millis) {
    histogram.recordValue(Math.max(0, millis));
  }

  long count() {
    return histogram.getTotalCount();
  }

  long percentile(double p) {
    return histogram.getValueAtPercentile(p);
  }

  long p50() {
    return percentile(50);
  }

  long p99() {
    return percentile(99);
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", count());
    json.put("p50Ms", p50());
    json.put("p90Ms", percentile(90));
    json.put("p99Ms", p99());
    json.put("maxMs", histogram.getMaxValue());
    return json;
  }
}
