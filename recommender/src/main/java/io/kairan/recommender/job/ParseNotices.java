package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.time.Clock;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** notices.v1 records to one copy per shard. */
final class ParseNotices extends ParseRecords<ShardedNotice> {
  /**
   * Withdrawals and corrections, for every decide subtask: a withdrawal gives back the push slots
   * it no longer needs; a correction reaches each resident given an earlier version.
   */
  static final OutputTag<Control> WITHDRAWALS = new OutputTag<>("withdrawals") {};

  ParseNotices(Clock clock) {
    super(clock);
  }

  @Override
  void parse(RawRecord raw, Context ctx, Collector<ShardedNotice> out) {
    Notice notice = Json.read(raw.value(), Notice.class);
    var problems = notice.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    if (notice.isWithdrawn()) {
      ctx.output(WITHDRAWALS, Control.withdrawal(notice.id()));
    } else if (notice.status() == NoticeStatus.CORRECTED) {
      ctx.output(WITHDRAWALS, Control.correction(Correction.of(notice)));
    }
    for (int shard = 0; shard < Shards.COUNT; shard++) {
      out.collect(new ShardedNotice(shard, notice));
    }
  }
}
