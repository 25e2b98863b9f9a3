package io.kairan.recommender.job;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteAdvice;
import io.kairan.recommender.decide.Affinity;
import io.kairan.recommender.decide.Decision;
import io.kairan.recommender.decide.DeliveryPolicy;
import io.kairan.recommender.decide.PushDay;
import io.kairan.recommender.decide.Relevance;
import io.kairan.recommender.match.Match;
import io.kairan.recommender.site.SiteIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Stage 2, keyed by resident: de-duplicates notice versions, scores and applies the policy of the
 * active rule set, and learns the resident's affinities from feedback. A shadow rule set, when one
 * is published, decides the same matches on its own caps and writes to {@link #SHADOW}. Rule sets
 * and withdrawals arrive on the broadcast side, and corrections, which reach every resident given
 * an earlier version (even one no longer in the audience: the match stage never sees them again),
 * decided on what the resident's last profile said of quiet hours, zone and consent. A deleted
 * resident's state is cleared. State has an end: what is remembered of a notice goes when its
 * validity ends, a day's push count when that day is over in every zone (processing-time timers);
 * the learned affinities and what the last profile said (Recipient) stay with the resident.
 */
final class DecideDeliveries
    extends KeyedBroadcastProcessFunction<String, ResidentEvent, Control, Delivery> {
  /** Rule set per slot key; broadcast state, so checkpointed and restored with the job. */
  static final MapStateDescriptor<String, RuleSet> RULE_SETS =
      new MapStateDescriptor<>("rule-sets", Types.STRING, TypeInformation.of(RuleSet.class));

  /** The city's evacuation sites and shelters by id; broadcast state, as the rule sets are. */
  static final MapStateDescriptor<String, EvacuationSite> SITES =
      new MapStateDescriptor<>("sites", Types.STRING, TypeInformation.of(EvacuationSite.class));

  /**
   * The latest correction of each notice still valid: a resident whose earlier version reaches this
   * stage after the correction did (the match stage was still fanning it out) is corrected then.
   */
  static final MapStateDescriptor<String, Correction> CORRECTIONS =
      new MapStateDescriptor<>("corrections", Types.STRING, TypeInformation.of(Correction.class));

  static final OutputTag<Delivery> SHADOW = new OutputTag<>("shadow-deliveries") {};

  private static final MapStateDescriptor<String, Delivered> DELIVERED =
      new MapStateDescriptor<>("delivered", String.class, Delivered.class);

  private final Clock clock;
  private transient MapState<String, Delivered> delivered;
  private transient ValueState<PushDay> pushDay;
  private transient ValueState<PushDay> shadowPushDay;
  private transient MapState<String, Double> affinity;
  private transient ValueState<Recipient> recipient;
  // Built from the SITES state when first needed, and again after a site changes.
  private transient SiteIndex siteIndex;

  DecideDeliveries(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void open(OpenContext openContext) {
    delivered = getRuntimeContext().getMapState(DELIVERED);
    pushDay = getRuntimeContext().getState(new ValueStateDescriptor<>("push-day", PushDay.class));
    shadowPushDay =
        getRuntimeContext().getState(new ValueStateDescriptor<>("shadow-push-day", PushDay.class));
    affinity =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("affinity", String.class, Double.class));
    recipient =
        getRuntimeContext().getState(new ValueStateDescriptor<>("recipient", Recipient.class));
  }

  @Override
  public void processElement(ResidentEvent event, ReadOnlyContext ctx, Collector<Delivery> out) {
    try {
      handle(event, ctx, out);
    } catch (Exception e) {
      DeadLetters.rethrowIfTheJobs(e);
      // One resident's event that cannot be decided must not stop the others' deliveries.
      ctx.output(
          DeadLetters.TAG,
          DeadLetters.failed(
              Topics.DELIVERIES,
              event.residentId(),
              DeadLetters.describe(event),
              e,
              clock.instant()));
    }
  }

  private void handle(ResidentEvent event, ReadOnlyContext ctx, Collector<Delivery> out)
      throws Exception {
    if (event.match() != null) {
      decide(event.match(), ctx, out);
    } else if (event.feedback() != null) {
      learn(event.feedback());
    } else if (event.change().isDeletion()) {
      delivered.clear();
      pushDay.clear();
      shadowPushDay.clear();
      affinity.clear();
      recipient.clear();
    } else {
      Recipient now = Recipient.of(event.change().profile());
      if (!now.equals(recipient.value())) {
        recipient.update(now);
      }
    }
  }

  private void decide(Match match, ReadOnlyContext ctx, Collector<Delivery> out) throws Exception {
    Delivered known = delivered.get(match.noticeId());
    if (known != null && known.version() >= match.noticeVersion()) {
      return; // this version (or a newer one) is already in the resident's feed
    }
    // An update of a notice the resident already has is silent unless it must be pushed again.
    boolean silent = known != null && !DeliveryPolicy.pushesAgain(match, known.severity());
    decide(
        match,
        known,
        silent,
        ctx.getBroadcastState(RULE_SETS),
        ctx.getBroadcastState(SITES),
        ctx.timerService(),
        out,
        shadow -> ctx.output(SHADOW, shadow));
    Correction later = ctx.getBroadcastState(CORRECTIONS).get(match.noticeId());
    if (later != null && later.version() > match.noticeVersion()) {
      correct(
          match.residentId(),
          later,
          ctx.getBroadcastState(RULE_SETS),
          ctx.getBroadcastState(SITES),
          out,
          shadow -> ctx.output(SHADOW, shadow));
    }
  }

  /**
   * A correction for a resident given an earlier version, whether or not they are still in the
   * audience: pushed again like a significant change if their last profile consents to the category
   * (or it is an emergency), else put right in their feed only.
   */
  private void correct(
      String residentId,
      Correction correction,
      ReadOnlyBroadcastState<String, RuleSet> sets,
      ReadOnlyBroadcastState<String, EvacuationSite> sites,
      Collector<Delivery> out,
      Consumer<Delivery> shadowOut)
      throws Exception {
    Delivered known = delivered.get(correction.noticeId());
    if (known == null || known.version() >= correction.version()) {
      return; // never given this notice, or already given the correction through the match stage
    }
    Recipient to = recipient.value();
    boolean consents =
        correction.severity() == Severity.EMERGENCY
            || (to != null && to.consentsTo(correction.category()));
    Match match =
        new Match(
            residentId,
            correction.noticeId(),
            correction.version(),
            correction.category(),
            correction.severity(),
            correction.publisherKind(),
            correction.title(),
            List.of(EARLIER_VERSION),
            0,
            null,
            correction.publishedAt(),
            false,
            true,
            to == null ? null : to.quietHours(),
            to == null ? ResidentProfile.DEFAULT_TIME_ZONE : to.timeZone(),
            clock.instant(),
            correction.validUntil(),
            correction.hazard());
    decide(match, known, !consents, sets, sites, null, out, shadowOut);
  }

  /** The reason a resident gets a correction through the decide stage alone. */
  static final String EARLIER_VERSION = "you were sent an earlier version of this notice";

  /**
   * Decides a match under the active (and any shadow) rule set and remembers it. Timers may be
   * null: the broadcast side has none, and the notice's earlier version already set its end.
   */
  private void decide(
      Match match,
      Delivered known,
      boolean silent,
      ReadOnlyBroadcastState<String, RuleSet> sets,
      ReadOnlyBroadcastState<String, EvacuationSite> sites,
      TimerService timers,
      Collector<Delivery> out,
      Consumer<Delivery> shadowOut)
      throws Exception {
    Instant now = clock.instant();
    double liking = affinityFor(match);
    RuleSet active = rules(sets, RuleSlot.ACTIVE);
    List<SiteAdvice> advice = siteAdvice(match, sites);
    Delivery delivery = decide(match, active, liking, now, pushDay, silent, timers, advice);
    Decision decision = new Decision(delivery.channel(), delivery.pushAt());
    boolean pending = delivery.channel() == Channel.PUSH_AT;
    delivered.put(
        match.noticeId(),
        new Delivered(
            match.noticeVersion(),
            match.category(),
            match.severity(),
            match.publisherKind(),
            pending ? delivery.pushAt().toEpochMilli() : 0,
            DeliveryPolicy.dayOf(decision, match),
            match.validUntil().toEpochMilli()));
    // What is remembered of the notice ends with its validity. One timer per resident, notice
    // and end: registering costs a fifth of the decision, so not again for a later version.
    if (timers != null
        && (known == null || known.validUntil() != match.validUntil().toEpochMilli())) {
      timers.registerProcessingTimeTimer(match.validUntil().toEpochMilli());
    }
    out.collect(delivery);

    RuleSet shadow = rules(sets, RuleSlot.SHADOW);
    if (shadow != null) {
      shadowOut.accept(decide(match, shadow, liking, now, shadowPushDay, silent, timers, advice));
    }
  }

  /**
   * For an emergency that names its hazard: the nearest site safe for it from the resident's home,
   * and a shelter that takes in their needs. Nothing when the profile gave no home.
   */
  private List<SiteAdvice> siteAdvice(
      Match match, ReadOnlyBroadcastState<String, EvacuationSite> sites) throws Exception {
    if (match.severity() != Severity.EMERGENCY || match.hazard() == null) {
      return List.of();
    }
    Recipient to = recipient.value();
    if (to == null || to.home() == null) {
      return List.of();
    }
    if (siteIndex == null) {
      var all = new ArrayList<EvacuationSite>();
      for (var site : sites.immutableEntries()) {
        all.add(site.getValue());
      }
      siteIndex = new SiteIndex(all);
    }
    return siteIndex.advise(match.hazard(), to.home(), to.needs());
  }

  /**
   * When a push day's count can go: the instant its date is over in every time zone (UTC-12 is the
   * last), so the state needs no zone and a cap is never forgotten early.
   */
  static long overEverywhere(PushDay day) {
    return overEverywhere(day.date());
  }

  private static long overEverywhere(String date) {
    return LocalDate.parse(date).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Forgets the notices whose validity is over and the push days that are over everywhere. */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Delivery> out)
      throws Exception {
    var over = new ArrayList<String>();
    for (var given : delivered.entries()) {
      if (given.getValue().validUntil() <= timestamp) {
        over.add(given.getKey());
      }
    }
    for (String noticeId : over) {
      delivered.remove(noticeId);
    }
    long next = Long.MAX_VALUE;
    for (var given : delivered.values()) {
      next = Math.min(next, given.validUntil());
    }
    // A correction (decided without timers) may have moved an end later: what stays has a timer.
    if (next != Long.MAX_VALUE) {
      ctx.timerService().registerProcessingTimeTimer(next);
    }
    for (ValueState<PushDay> days : List.of(pushDay, shadowPushDay)) {
      PushDay day = days.value();
      if (day != null && overEverywhere(day) <= timestamp) {
        days.clear();
      } else if (day != null) {
        ctx.timerService().registerProcessingTimeTimer(overEverywhere(day));
      }
    }
  }

  /**
   * Scores and decides under one rule set, counting a push into that rule set's day; a day's count
   * begun here ends by a timer when the day is over everywhere.
   */
  private static Delivery decide(
      Match match,
      RuleSet rules,
      double liking,
      Instant now,
      ValueState<PushDay> days,
      boolean silentUpdate,
      TimerService timers,
      List<SiteAdvice> sites)
      throws Exception {
    double score = Relevance.score(match, rules, liking, now);
    Decision planned =
        silentUpdate
            ? DeliveryPolicy.silentUpdate(now)
            : DeliveryPolicy.plan(match, score, rules, now);
    String day = DeliveryPolicy.dayOf(planned, match);
    PushDay counted = days.value();
    PushDay sameDay = counted != null && counted.date().equals(day) ? counted : PushDay.empty(day);
    if (sameDay != counted && timers != null) {
      // Without a timer (a correction) the count goes when the next day's first decision replaces
      // it.
      timers.registerProcessingTimeTimer(overEverywhere(day));
    }
    Decision decision = DeliveryPolicy.underCaps(planned, match, rules, sameDay);
    // Only the one day's count is kept: state stays one small record.
    days.update(DeliveryPolicy.count(sameDay, decision, match));
    return new Delivery(
        DeliveryId.of(match.noticeId(), match.noticeVersion(), match.residentId()),
        match.residentId(),
        match.noticeId(),
        match.noticeVersion(),
        match.category(),
        match.severity(),
        match.title(),
        score,
        match.reasons(),
        rules.label(),
        decision.channel(),
        decision.pushAt(),
        now,
        sites);
  }

  private double affinityFor(Match match) throws Exception {
    Double value = affinity.get(match.category().name());
    return value == null ? Affinity.NEUTRAL : value;
  }

  private void learn(Feedback feedback) throws Exception {
    Delivered known = delivered.get(feedback.noticeId());
    if (known == null) {
      return; // feedback on a notice this resident was never given teaches nothing
    }
    String category = known.category().name();
    Double current = affinity.get(category);
    affinity.put(
        category, Affinity.after(current == null ? Affinity.NEUTRAL : current, feedback.kind()));
  }

  @Override
  public void processBroadcastElement(Control control, Context ctx, Collector<Delivery> out) {
    try {
      handle(control, ctx, out);
    } catch (Exception e) {
      DeadLetters.rethrowIfTheJobs(e);
      boolean notice = control.isWithdrawal() || control.isCorrection();
      String topic = control.isSite() ? Topics.SITES : notice ? Topics.NOTICES : Topics.RULES;
      String key =
          control.isSite()
              ? control.siteId()
              : control.isWithdrawal()
                  ? control.withdrawnNoticeId()
                  : control.isCorrection() ? control.correction().noticeId() : control.ruleSlot();
      ctx.output(
          DeadLetters.TAG,
          DeadLetters.failed(topic, key, DeadLetters.describe(control), e, clock.instant()));
    }
  }

  private void handle(Control control, Context ctx, Collector<Delivery> out) throws Exception {
    if (control.isSite()) {
      if (control.site() == null) {
        ctx.getBroadcastState(SITES).remove(control.siteId());
      } else {
        ctx.getBroadcastState(SITES).put(control.siteId(), control.site());
      }
      siteIndex = null;
    } else if (control.isCorrection()) {
      Correction correction = control.correction();
      remember(ctx.getBroadcastState(CORRECTIONS), correction);
      ReadOnlyBroadcastState<String, RuleSet> sets = ctx.getBroadcastState(RULE_SETS);
      ReadOnlyBroadcastState<String, EvacuationSite> sites = ctx.getBroadcastState(SITES);
      ctx.applyToKeyedState(
          DELIVERED,
          (resident, notices) -> {
            // One resident's failure must not stop the correction of the others.
            try {
              correct(resident, correction, sets, sites, out, s -> ctx.output(SHADOW, s));
            } catch (Exception e) {
              DeadLetters.rethrowIfTheJobs(e);
              ctx.output(
                  DeadLetters.TAG,
                  DeadLetters.failed(
                      Topics.NOTICES,
                      correction.noticeId() + " for " + resident,
                      DeadLetters.describe(control),
                      e,
                      clock.instant()));
            }
          });
    } else if (control.isWithdrawal()) {
      long now = clock.millis();
      // Every resident given the notice: a push still pending gives its slot of the day back.
      ctx.applyToKeyedState(
          DELIVERED,
          (resident, notices) -> {
            Delivered given = notices.get(control.withdrawnNoticeId());
            if (given == null || given.pendingPushAt() <= now) {
              return;
            }
            PushDay day = pushDay.value();
            if (day != null && day.date().equals(given.pushDate())) {
              pushDay.update(day.minus(given.publisherKind()));
            }
            notices.put(control.withdrawnNoticeId(), given.withoutPendingPush());
          });
    } else if (control.ruleSet() == null) {
      ctx.getBroadcastState(RULE_SETS).remove(control.ruleSlot());
    } else {
      ctx.getBroadcastState(RULE_SETS).put(control.ruleSlot(), control.ruleSet());
    }
  }

  /** Keeps the notice's latest correction, and forgets those whose notice is over. */
  private void remember(BroadcastState<String, Correction> corrections, Correction correction)
      throws Exception {
    Correction kept = corrections.get(correction.noticeId());
    if (kept == null || kept.version() < correction.version()) {
      corrections.put(correction.noticeId(), correction);
    }
    Instant now = clock.instant();
    var over = new ArrayList<String>();
    for (var entry : corrections.entries()) {
      if (!entry.getValue().validUntil().isAfter(now)) {
        over.add(entry.getKey());
      }
    }
    for (String noticeId : over) {
      corrections.remove(noticeId);
    }
  }

  /** The rule set in a slot: the built-in one when none was published as active. */
  private static RuleSet rules(ReadOnlyBroadcastState<String, RuleSet> sets, RuleSlot slot)
      throws Exception {
    RuleSet rules = sets.get(slot.key());
    return rules == null && slot == RuleSlot.ACTIVE ? RuleSet.BUILTIN : rules;
  }
}
