package io.kairan.recommender.job;

import io.kairan.model.DeadLetter;
import io.kairan.model.json.Json;
import java.time.Instant;
import org.apache.flink.runtime.execution.CancelTaskException;
import org.apache.flink.streaming.runtime.tasks.ExceptionInChainedOperatorException;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The side output every parser sends rejected records to. */
final class DeadLetters {
  static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private DeadLetters() {}

  static DeadLetter of(RawRecord raw, String reason, String rejectedBy, Instant at) {
    return new DeadLetter(raw.topic(), raw.key(), raw.value(), reason, rejectedBy, at);
  }

  /**
   * A record a stage failed on (a bug or a value no check foresaw): the stage goes on with the next
   * record, and the letter names the exception so the fault can be found and the record replayed
   * once it is fixed.
   */
  /**
   * Rethrows Flink's own signals (the task cancelled, an operator chained downstream failing) and
   * state the job cannot read: they are the job's to handle by restarting (loudly), never a
   * record's fault to dead-letter.
   */
  static void rethrowIfTheJobs(Exception e) {
    if (e instanceof CancelTaskException
        || e instanceof ExceptionInChainedOperatorException
        || e instanceof ProfileBytes.Unreadable) {
      throw (RuntimeException) e;
    }
  }

  static DeadLetter failed(String topic, String key, String value, Exception e, Instant at) {
    LOG.error("dead-lettered a record of {} (key {}) the job failed on", topic, key, e);
    return new DeadLetter(topic, key, value, reasonOf(e), "recommender", at);
  }

  /** The record as JSON for the letter; its plain text when even that fails. */
  static String describe(Object value) {
    try {
      return Json.write(value);
    } catch (RuntimeException e) {
      return String.valueOf(value);
    }
  }

  static String reasonOf(Exception e) {
    return "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
