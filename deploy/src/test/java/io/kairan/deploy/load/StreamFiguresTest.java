package io.kairan.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamFiguresTest {
  @Test
  void latenciesRunFromTheApisAnswerToTheFirstAndLastDeliveryOfEachNotice() {
    var accepted =
        List.of(
            new NoticeStream.Accepted("a", 900, 1_000),
            new NoticeStream.Accepted("b", 1_900, 2_000),
            new NoticeStream.Accepted("c", 2_900, 3_000));
    var spans =
        Map.of(
            "a", new DeliveryFollower.Span(1_100, 1_600, 100),
            "b", new DeliveryFollower.Span(2_300, 3_200, 200),
            // delivered before the answer reached the client: 0 ms, not negative
            "c", new DeliveryFollower.Span(2_950, 4_000, 300));

    StreamFigures figures = StreamFigures.of(accepted, spans::get);

    // first: 100, 300, 0 ms; last: 600, 1,200, 1,000 ms
    assertThat(figures.first().p50Ms()).isEqualTo(100);
    assertThat(figures.first().maxMs()).isEqualTo(300);
    assertThat(figures.last().p50Ms()).isEqualTo(1_000);
    assertThat(figures.last().maxMs()).isEqualTo(1_200);
    assertThat(figures.first().count()).isEqualTo(3);
  }

  @Test
  void throughputIsEveryDeliveryOverTheTimeFromTheFirstToTheLast() {
    var accepted =
        List.of(new NoticeStream.Accepted("a", 0, 1_000), new NoticeStream.Accepted("b", 0, 2_000));
    var spans =
        Map.of(
            "a", new DeliveryFollower.Span(1_500, 2_500, 1_000),
            "b", new DeliveryFollower.Span(2_000, 5_500, 3_000));

    StreamFigures figures = StreamFigures.of(accepted, spans::get);

    // 4,000 deliveries from 1,500 ms to 5,500 ms: 4 s, 1,000/s
    assertThat(figures.deliveries()).isEqualTo(4_000);
    assertThat(figures.deliverySeconds()).isCloseTo(4.0, within(1e-9));
    assertThat(figures.deliveriesPerSecond()).isCloseTo(1_000.0, within(1e-9));
  }

  @Test
  void anAcceptedNoticeWithoutDeliveriesIsCountedAndLeftOutOfTheLatencies() {
    var accepted =
        List.of(
            new NoticeStream.Accepted("a", 0, 1_000), new NoticeStream.Accepted("lost", 0, 1_000));
    var spans = Map.of("a", new DeliveryFollower.Span(1_200, 1_200, 1));

    StreamFigures figures = StreamFigures.of(accepted, spans::get);

    assertThat(figures.undelivered()).isEqualTo(1);
    assertThat(figures.first().count()).isEqualTo(1);
  }

  @Test
  void percentilesAreTheHistogramsNearestRanks() {
    var histogram = LatencySummary.histogram();
    for (int ms = 1; ms <= 100; ms++) {
      histogram.recordValue(ms);
    }

    LatencySummary summary = LatencySummary.of(histogram);

    assertThat(summary)
        .extracting(
            LatencySummary::p50Ms,
            LatencySummary::p95Ms,
            LatencySummary::p99Ms,
            LatencySummary::maxMs)
        .containsExactly(50L, 95L, 99L, 100L);
  }

  @Test
  void theScalingFactorIsTheHigherParallelismsThroughputOverTheLowers() {
    assertThat(LoadReport.factor(8_000, 12_000)).isEqualTo(1.5);
    assertThat(LoadReport.factor(0, 12_000)).isZero();
  }
}
