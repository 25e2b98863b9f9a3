package io.kairan.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The fixed-rate schedule and the bookkeeping of an open-loop run (no timing is asserted). */
class OpenLoopTest {

  @Test
  void requestsAreDueEvenlyAtTheRateFromTheStart() {
    var schedule = new OpenLoop.Schedule(200, 5);
    // 200/s: one every 5 ms.
    assertThat(List.of(0, 1, 2, 3, 4).stream().map(schedule::dueNanosAfterStart))
        .containsExactly(0L, 5_000_000L, 10_000_000L, 15_000_000L, 20_000_000L);
  }

  @Test
  void aRateThatDoesNotDivideASecondKeepsEachRequestWithinHalfANanosecondOfItsExactTime() {
    var schedule = new OpenLoop.Schedule(3, 4);
    // 1/3 s = 333,333,333.33… ns: rounded per request, never drifting.
    assertThat(List.of(0, 1, 2, 3).stream().map(schedule::dueNanosAfterStart))
        .containsExactly(0L, 333_333_333L, 666_666_667L, 1_000_000_000L);
  }

  @Test
  void overASpanHoldsAsManyRequestsAsFitAtTheRate() {
    assertThat(OpenLoop.Schedule.over(200, 10).requests()).isEqualTo(2000);
    assertThat(OpenLoop.Schedule.over(20, 2.5).requests()).isEqualTo(50);
    assertThat(OpenLoop.Schedule.over(3, 0.2).requests()).isZero();
  }

  @Test
  void aScheduleWithoutAPositiveRateIsRefused() {
    assertThatThrownBy(() -> new OpenLoop.Schedule(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive rate");
  }

  @Test
  void everyRequestOfTheScheduleIsSentOnceNumberedFromTheOffsetAndItsFailuresCounted()
      throws Exception {
    var sent = new ConcurrentLinkedQueue<Integer>();
    var run = new OpenLoop.Run();
    var clients = Executors.newFixedThreadPool(4);
    try {
      OpenLoop.drive(
          new OpenLoop.Schedule(100_000, 50),
          clients,
          i -> {
            sent.add(i);
            if (i % 10 == 0) {
              throw new IllegalStateException("boom " + i);
            }
            return i % 10 == 5 ? "HTTP 503" : null;
          },
          100,
          run,
          30);
    } finally {
      clients.shutdownNow();
    }
    assertThat(sent)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(100, 150).boxed().toList());
    assertThat(run.count()).isEqualTo(50);
    // 100, 110, …, 140 throw; 105, 115, …, 145 are refused.
    assertThat(run.failed()).isEqualTo(10);
    assertThat(run.firstFailure()).matches("1[0-4][05]: .*(boom|HTTP 503).*");
  }

  @Test
  void aRunReportsPercentilesOfItsLatenciesInMilliseconds() {
    var run = new OpenLoop.Run();
    for (int ms = 1; ms <= 100; ms++) {
      run.record(ms * 1_000_000L, null);
    }
    // 100 latencies of 1..100 ms: the 50th is 50 ms, the 99th 99 ms (HdrHistogram, 3 digits).
    assertThat(run.p50Ms()).isCloseTo(50, org.assertj.core.data.Offset.offset(0.05));
    assertThat(run.p99Ms()).isCloseTo(99, org.assertj.core.data.Offset.offset(0.1));
    assertThat(run.failed()).isZero();
    assertThat(run.json()).containsEntry("requests", 100L).doesNotContainKey("firstFailure");
  }
}
