package io.kairan.push.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.PushOutcome;
import io.kairan.push.send.FcmSender.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PushMetricsTest {
  @Test
  void everyOutcomeIsAMetricAtZeroBeforeTheFirstPush() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    new PushMetrics(registry);

    assertThat(registry.find("kairan.push.messages").counters())
        .hasSize(PushOutcome.values().length)
        .allSatisfy(c -> assertThat(c.count()).isZero());
    assertThat(registry.find("kairan.push.retried").counter()).isNotNull();
    assertThat(registry.find("kairan.push.rate_limited").counter()).isNotNull();
  }

  @Test
  void aPushCountsUnderItsOutcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PushMetrics metrics = new PushMetrics(registry);

    metrics.count(new Outcome(PushOutcome.INVALID_TOKEN, null, "UNREGISTERED", 1));

    assertThat(
            registry.get("kairan.push.messages").tag("outcome", "invalid_token").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("kairan.push.messages").tag("outcome", "sent").counter().count())
        .isZero();
  }
}
