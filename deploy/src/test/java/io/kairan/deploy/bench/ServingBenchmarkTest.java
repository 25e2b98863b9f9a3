package io.kairan.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The short counts in the serving figures' names. */
class ServingBenchmarkTest {
  @Test
  void roundMillionsAndThousandsAreShortOthersAreWrittenOut() {
    assertThat(ServingBenchmark.count(1_000_000)).isEqualTo("1M");
    assertThat(ServingBenchmark.count(100_000)).isEqualTo("100k");
    assertThat(ServingBenchmark.count(50_000)).isEqualTo("50k");
    assertThat(ServingBenchmark.count(5_000)).isEqualTo("5,000");
    assertThat(ServingBenchmark.count(1_500_000)).isEqualTo("1,500k");
    assertThat(ServingBenchmark.count(123_456)).isEqualTo("123,456");
  }
}
