package io.kairan.push.results;

/**
 * Kafka did not acknowledge some results: the batch fails, so its offsets are not committed, and
 * nothing more is sent until the results are written.
 */
public final class ResultsNotWrittenException extends RuntimeException {
  ResultsNotWrittenException(int failed, int of, Throwable cause) {
    super(failed + " of " + of + " writes not acknowledged by Kafka: " + cause.getMessage(), cause);
  }
}
