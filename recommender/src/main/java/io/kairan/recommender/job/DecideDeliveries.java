package io.kairan.recommender.job;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.recommender.decide.Decision;
import io.kairan.recommender.decide.DeliveryPolicy;
import io.kairan.recommender.decide.PushDay;
import io.kairan.recommender.match.Match;
import java.time.Clock;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 2, keyed by resident: de-duplicates notice versions and applies the resident's policy. A
 * deleted resident's state is cleared.
 */
final class DecideDeliveries
    extends KeyedCoProcessFunction<String, Match, ProfileChange, Delivery> {
  private final Clock clock;
  private transient MapState<String, Integer> deliveredVersions;
  private transient ValueState<PushDay> pushDay;

  DecideDeliveries(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void open(OpenContext openContext) {
    deliveredVersions =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("delivered-versions", String.class, Integer.class));
    pushDay = getRuntimeContext().getState(new ValueStateDescriptor<>("push-day", PushDay.class));
  }

  @Override
  public void processElement1(Match match, Context ctx, Collector<Delivery> out) throws Exception {
    Integer delivered = deliveredVersions.get(match.noticeId());
    if (delivered != null && delivered >= match.noticeVersion()) {
      return; // this version (or a newer one) is already in the resident's feed
    }
    Instant now = clock.instant();
    Decision planned = DeliveryPolicy.decide(match, now);
    String day = DeliveryPolicy.dayOf(planned, match);
    PushDay counted = pushDay.value();
    PushDay sameDay = counted != null && counted.date().equals(day) ? counted : PushDay.empty(day);
    Decision decision = DeliveryPolicy.decide(match, now, sameDay);
    // Only today's (or the next morning's) count is kept: state stays one small record.
    pushDay.update(DeliveryPolicy.count(sameDay, decision, match));
    deliveredVersions.put(match.noticeId(), match.noticeVersion());
    out.collect(
        new Delivery(
            DeliveryId.of(match.noticeId(), match.noticeVersion(), match.residentId()),
            match.residentId(),
            match.noticeId(),
            match.noticeVersion(),
            match.category(),
            match.severity(),
            match.title(),
            match.score(),
            match.reasons(),
            match.ruleVersion(),
            decision.channel(),
            decision.pushAt(),
            now));
  }

  @Override
  public void processElement2(ProfileChange change, Context ctx, Collector<Delivery> out) {
    if (change.isDeletion()) {
      deliveredVersions.clear();
      pushDay.clear();
    }
  }
}
