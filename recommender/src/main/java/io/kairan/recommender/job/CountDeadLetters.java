package io.kairan.recommender.job;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Counts dead letters per dead-letter topic as the metric {@code deadLetters} with a {@code topic}
 * variable, so a rejected record shows on the job's metrics, not only in a topic nobody reads.
 */
final class CountDeadLetters extends RichMapFunction<DeadLetter, DeadLetter> {
  private transient Map<String, Counter> counters;

  @Override
  public void open(OpenContext openContext) {
    counters = new HashMap<>();
  }

  @Override
  public DeadLetter map(DeadLetter letter) {
    String topic = Topics.deadLetter(String.valueOf(letter.sourceTopic()));
    counters
        .computeIfAbsent(
            topic,
            t -> getRuntimeContext().getMetricGroup().addGroup("topic", t).counter("deadLetters"))
        .inc();
    return letter;
  }
}
