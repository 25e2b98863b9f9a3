package io.kairan.recommender.job;

import io.kairan.model.DeadLetter;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's own Kafka source and dead-letter sink ({@link KafkaConnectors}, as the job builds them
 * from its settings) in a pipeline of their own, for tests of the connection alone.
 */
public final class JobKafkaConnectors {
  private JobKafkaConnectors() {}

  /**
   * Reads {@code topic} and writes each record as a dead letter beside it, rejected at {@code at}.
   */
  public static void deadLetterEach(
      StreamExecutionEnvironment env, JobSettings settings, String topic, Instant at) {
    env.fromSource(KafkaConnectors.source(settings, topic), WatermarkStrategy.noWatermarks(), topic)
        .map(r -> new DeadLetter(r.topic(), r.key(), r.value(), "test", "secure-it", at))
        .returns(DeadLetter.class)
        .sinkTo(KafkaConnectors.deadLetters(settings));
  }
}
