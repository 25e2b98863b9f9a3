package io.kairan.recommender.job;

import io.kairan.model.DeadLetter;
import java.time.Instant;
import org.apache.flink.util.OutputTag;

/** The side output every parser sends rejected records to. */
final class DeadLetters {
  static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

  private DeadLetters() {}

  static DeadLetter of(RawRecord raw, String reason, String rejectedBy, Instant at) {
    return new DeadLetter(raw.topic(), raw.key(), raw.value(), reason, rejectedBy, at);
  }
}
