package io.kairan.api.coverage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The coverage of the notices asked about most recently, as the gauge {@code
 * kairan.coverage.residents} (tags {@code notice}, {@code reach}: push, email, feed_only,
 * not_reached), with the same counts withheld as the figures; the last 20 notices, so the tags stay
 * few.
 */
@Component
class CoverageMetrics {
  static final int NOTICES = 20;
  private final MultiGauge gauge;
  private final Map<String, NoticeCoverage> latest =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NoticeCoverage> eldest) {
          return size() > NOTICES;
        }
      };

  CoverageMetrics(MeterRegistry registry) {
    this.gauge =
        MultiGauge.builder("kairan.coverage.residents")
            .description(
                "Eligible residents of a notice by how it reached them (small counts withheld)")
            .register(registry);
  }

  synchronized void record(NoticeCoverage coverage) {
    latest.remove(coverage.noticeId());
    latest.put(coverage.noticeId(), coverage);
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    latest
        .values()
        .forEach(
            c -> {
              add(rows, c.noticeId(), "push", c.total().push());
              add(rows, c.noticeId(), "email", c.total().email());
              add(rows, c.noticeId(), "feed_only", c.total().feedOnly());
              add(rows, c.noticeId(), "not_reached", c.total().notReached());
            });
    gauge.register(rows, true);
  }

  private static void add(List<MultiGauge.Row<?>> rows, String notice, String reach, Long count) {
    if (count != null) {
      rows.add(MultiGauge.Row.of(Tags.of("notice", notice, "reach", reach), count));
    }
  }
}
