package io.kairan.recommender.job;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.runtime.execution.CancelTaskException;
import org.apache.flink.streaming.runtime.tasks.ExceptionInChainedOperatorException;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  @Test
  void aCancelledTaskIsTheJobsToHandleNotARecordsFault() {
    var cancelled = new CancelTaskException("Buffer pool has already been destroyed.");

    assertThatThrownBy(() -> DeadLetters.rethrowIfTheJobs(cancelled)).isSameAs(cancelled);
  }

  @Test
  void aFailureOfAChainedOperatorDownstreamIsTheJobsToHandle() {
    var downstream =
        new ExceptionInChainedOperatorException(
            "Could not forward element to next operator", new IllegalStateException("sink"));

    assertThatThrownBy(() -> DeadLetters.rethrowIfTheJobs(downstream)).isSameAs(downstream);
  }

  @Test
  void aRecordTheCoreCannotHandleIsLeftToTheDeadLetter() {
    assertThatCode(() -> DeadLetters.rethrowIfTheJobs(new IllegalArgumentException("bad year")))
        .doesNotThrowAnyException();
  }
}
