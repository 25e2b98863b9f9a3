package io.kairan.recommender.job;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.recommender.decide.Decision;
import io.kairan.recommender.decide.DeliveryPolicy;
import io.kairan.recommender.match.Match;
import java.time.Clock;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
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

  DecideDeliveries(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void open(OpenContext openContext) {
    deliveredVersions =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("delivered-versions", String.class, Integer.class));
  }

  @Override
  public void processElement1(Match match, Context ctx, Collector<Delivery> out) throws Exception {
    Integer delivered = deliveredVersions.get(match.noticeId());
    if (delivered != null && delivered >= match.noticeVersion()) {
      return; // this version (or a newer one) is already in the resident's feed
    }
    Instant now = clock.instant();
    Decision decision = DeliveryPolicy.decide(match, now);
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
    }
  }
}
