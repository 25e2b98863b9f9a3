package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.time.Clock;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** notices.v1 records to one copy per shard; a bad record becomes a dead letter instead. */
final class ParseNotices extends ProcessFunction<RawRecord, ShardedNotice> {
  /** Withdrawals, for the decide stage: it gives back the push slots they no longer need. */
  static final org.apache.flink.util.OutputTag<Control> WITHDRAWALS =
      new org.apache.flink.util.OutputTag<>("withdrawals") {};

  private final Clock clock;

  ParseNotices(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void processElement(RawRecord raw, Context ctx, Collector<ShardedNotice> out) {
    try {
      Notice notice = Json.read(raw.value(), Notice.class);
      var problems = notice.problems();
      if (!problems.isEmpty()) {
        throw new InvalidRecordException(problems);
      }
      // Re-encode: a canonical form, without whatever unknown fields the producer added.
      String json = Json.write(notice);
      if (notice.isWithdrawn()) {
        ctx.output(WITHDRAWALS, Control.withdrawal(notice.id()));
      }
      for (int shard = 0; shard < Shards.COUNT; shard++) {
        out.collect(new ShardedNotice(shard, notice.id(), notice.version(), json));
      }
    } catch (InvalidRecordException e) {
      ctx.output(
          DeadLetters.TAG, DeadLetters.of(raw, e.getMessage(), "recommender", clock.instant()));
    }
  }
}
