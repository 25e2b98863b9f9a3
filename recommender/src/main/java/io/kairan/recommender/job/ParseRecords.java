package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import java.time.Clock;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A topic's raw records to what the job works on. A record that cannot be read becomes a dead
 * letter with the reason, and nothing else is held up.
 */
abstract class ParseRecords<T> extends ProcessFunction<RawRecord, T> {
  private final Clock clock;

  ParseRecords(Clock clock) {
    this.clock = clock;
  }

  /** Emits what the record holds, or throws with every problem found in it. */
  abstract void parse(RawRecord raw, Context ctx, Collector<T> out);

  @Override
  public final void processElement(RawRecord raw, Context ctx, Collector<T> out) {
    try {
      parse(raw, ctx, out);
    } catch (InvalidRecordException e) {
      ctx.output(
          DeadLetters.TAG, DeadLetters.of(raw, e.getMessage(), "recommender", clock.instant()));
    } catch (RuntimeException e) {
      // What no check foresaw is still one record: dead-letter it loudly and read on.
      ctx.output(
          DeadLetters.TAG,
          DeadLetters.failed(raw.topic(), raw.key(), raw.value(), e, clock.instant()));
    }
  }
}
