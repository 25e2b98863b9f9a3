package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.NOON_JST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteAdvice;
import io.kairan.model.site.SiteKind;
import io.kairan.recommender.Examples;
import io.kairan.recommender.match.Match;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decide stage, rule by rule, on Flink's operator harness with a fixed clock. */
class DecideDeliveriesTest {
  private static final Instant ELEVEN_PM_JST = Instant.parse("2026-11-23T14:00:00Z");
  private static final Instant SIX_PM_JST = Instant.parse("2026-11-23T09:00:00Z");
  private static final int CAP = RuleSet.BUILTIN.dailyPushCap();
  private static final Instant VALID_UNTIL = NOON_JST.plusSeconds(7 * 86400);

  /**
   * The built-in score of {@link #match}es at NOON_JST, by hand: weights 3, 1, 1, 1, 2 (sum 8) on
   * interest 0.8 (one hit), category 0.5 (no weight set), recency 1 (just published), distance 0.5
   * (unknown) and liking 0.5 (no feedback): (2.4 + 0.5 + 1 + 0.5 + 1) / 8 = 0.675.
   */
  private static final double NEUTRAL_SCORE = 0.675;

  private KeyedBroadcastOperatorTestHarness<String, ResidentEvent, Control, Delivery> harness;

  private void openAt(Instant now) throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new DecideDeliveries(Clock.fixed(now, ZoneOffset.UTC)),
            ResidentEvent::residentId,
            Types.STRING,
            DecideDeliveries.RULE_SETS,
            DecideDeliveries.SITES,
            DecideDeliveries.CORRECTIONS);
  }

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private static Match match(String resident, int version, Severity severity) {
    return match(resident, "n-1", version, severity, PublisherKind.DEPARTMENT);
  }

  private static Match match(
      String resident, String notice, int version, Severity severity, PublisherKind kind) {
    return new Match(
        resident,
        notice,
        version,
        Category.CHILDCARE,
        severity,
        kind,
        Map.of("ja", "t"),
        List.of("you live in 湊町"),
        1,
        null,
        NOON_JST,
        false,
        false,
        new QuietHours("22:00", "07:00"),
        "Asia/Tokyo",
        NOON_JST,
        VALID_UNTIL,
        null);
  }

  private static RuleSet rules(RuleSlot slot, int version, int cap, Set<Category> digest) {
    RuleSet b = RuleSet.BUILTIN;
    return new RuleSet(
        "aizu", version, slot, b.weights(), Map.of(), digest, 0.0, cap, 1, null, "18:00", NOON_JST);
  }

  private void give(Match match) throws Exception {
    harness.processElement(ResidentEvent.of(match), 0);
  }

  private void publish(RuleSet rules) throws Exception {
    harness.processBroadcastElement(Control.ruleSet(rules.slot().key(), rules), 0);
  }

  private List<Channel> channels() {
    return harness.extractOutputValues().stream().map(Delivery::channel).toList();
  }

  /** The same match for another version, marked significant or not, with other quiet hours. */
  private static Match variant(
      Match m, int version, Severity severity, boolean significant, QuietHours quiet) {
    return copy(m, version, severity, significant, quiet, m.validUntil());
  }

  private static Match copy(
      Match m,
      int version,
      Severity severity,
      boolean significant,
      QuietHours quiet,
      Instant validUntil) {
    return new Match(
        m.residentId(),
        m.noticeId(),
        version,
        m.category(),
        severity,
        m.publisherKind(),
        m.title(),
        m.reasons(),
        m.interestHits(),
        m.distanceKm(),
        m.publishedAt(),
        m.fromProfileChange(),
        significant,
        quiet,
        m.timeZone(),
        m.matchedAt(),
        validUntil,
        null);
  }

  @Test
  void anUpdateOfANoticeTheResidentHasChangesTheFeedWithoutAPush() throws Exception {
    openAt(NOON_JST);
    Match first = match("r-1", 1, Severity.IMPORTANT);
    give(first);
    give(variant(first, 2, Severity.IMPORTANT, false, first.quietHours()));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::noticeVersion, Delivery::channel)
        .containsExactly(tuple(1, Channel.PUSH_NOW), tuple(2, Channel.FEED_ONLY));
  }

  @Test
  void aChangeMarkedSignificantIsPushedAgainOncePerVersion() throws Exception {
    openAt(NOON_JST);
    Match first = match("r-1", 1, Severity.IMPORTANT);
    Match changed = variant(first, 2, Severity.IMPORTANT, true, first.quietHours());
    give(first);
    give(changed);
    give(changed);

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::noticeVersion, Delivery::channel)
        .containsExactly(tuple(1, Channel.PUSH_NOW), tuple(2, Channel.PUSH_NOW));
  }

  @Test
  void anUpdateThatRaisesTheSeverityToEmergencyIsPushedEvenInQuietHours() throws Exception {
    openAt(ELEVEN_PM_JST);
    Match first = match("r-1", 1, Severity.IMPORTANT);
    give(first);
    give(variant(first, 2, Severity.EMERGENCY, false, first.quietHours()));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::noticeVersion, Delivery::channel)
        .containsExactly(tuple(1, Channel.PUSH_AT), tuple(2, Channel.PUSH_NOW));
  }

  @Test
  void aFirstDeliveryOfAnUpdatedVersionIsPushedLikeANewNotice() throws Exception {
    openAt(NOON_JST);
    Match first = match("r-1", 1, Severity.IMPORTANT);
    give(variant(first, 3, Severity.IMPORTANT, false, first.quietHours()));

    assertThat(channels()).containsExactly(Channel.PUSH_NOW);
  }

  @Test
  void aMatchThatCannotBeDecidedIsDeadLetteredAndTheNextResidentStillGetsTheEmergency()
      throws Exception {
    openAt(NOON_JST);
    Match broken =
        variant(
            match("r-bad", 1, Severity.IMPORTANT),
            1,
            Severity.IMPORTANT,
            false,
            new QuietHours("25:00", "07:00"));
    give(broken);
    give(match("r-1", "n-flood", 1, Severity.EMERGENCY, PublisherKind.DEPARTMENT));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::residentId, Delivery::channel)
        .containsExactly(tuple("r-1", Channel.PUSH_NOW));
    assertThat(harness.getSideOutput(DeadLetters.TAG))
        .extracting(r -> r.getValue())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.sourceTopic()).isEqualTo("deliveries.v1");
              assertThat(letter.key()).isEqualTo("r-bad");
              assertThat(letter.reason()).contains("DateTimeParseException", "25:00");
              assertThat(letter.value()).contains("\"25:00\"");
            });
  }

  @Test
  void aMatchBecomesADeliveryWithADerivedIdItsReasonsAndTheRuleVersion() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", 1, Severity.IMPORTANT));

    Delivery delivery = harness.extractOutputValues().get(0);
    assertThat(delivery.id()).isEqualTo(DeliveryId.of("n-1", 1, "r-1"));
    assertThat(delivery.channel()).isEqualTo(Channel.PUSH_NOW);
    assertThat(delivery.reasons()).containsExactly("you live in 湊町");
    assertThat(delivery.ruleVersion()).isEqualTo("builtin/1");
    assertThat(delivery.score()).isEqualTo(NEUTRAL_SCORE);
  }

  @Test
  void theSameVersionIsDeliveredOnceEvenWhenMatchedAgain() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", 1, Severity.IMPORTANT));
    give(match("r-1", 1, Severity.IMPORTANT));

    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void aNewerVersionIsDeliveredAndAnOlderOneIsNot() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", 2, Severity.IMPORTANT));
    give(match("r-1", 1, Severity.IMPORTANT));
    give(match("r-1", 3, Severity.IMPORTANT));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::noticeVersion)
        .containsExactly(2, 3);
  }

  @Test
  void importantNoticesInQuietHoursArePushedWhenTheyEnd() throws Exception {
    openAt(ELEVEN_PM_JST);
    give(match("r-1", 1, Severity.IMPORTANT));
    give(match("r-1", "n-2", 1, Severity.EMERGENCY, PublisherKind.DEPARTMENT));

    List<Delivery> out = harness.extractOutputValues();
    assertThat(out.get(0).channel()).isEqualTo(Channel.PUSH_AT);
    assertThat(out.get(0).pushAt()).isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
    assertThat(out.get(1).channel()).as("an emergency").isEqualTo(Channel.PUSH_NOW);
  }

  @Test
  void pushesBeyondTheDailyCapGoToTheDigestButEmergenciesStillPush() throws Exception {
    openAt(NOON_JST);
    for (int i = 0; i < CAP + 1; i++) {
      give(match("r-1", "n-" + i, 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    }
    give(match("r-1", "n-flood", 1, Severity.EMERGENCY, PublisherKind.DEPARTMENT));

    assertThat(channels())
        .containsExactly(
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.PUSH_NOW,
            Channel.DIGEST,
            Channel.PUSH_NOW);
    assertThat(harness.extractOutputValues().get(CAP).pushAt()).isEqualTo(SIX_PM_JST);
  }

  @Test
  void firmsGetOnePushADayPerResident() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", "sale-1", 1, Severity.IMPORTANT, PublisherKind.FIRM));
    give(match("r-1", "sale-2", 1, Severity.IMPORTANT, PublisherKind.FIRM));
    give(match("r-1", "city-1", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    assertThat(channels()).containsExactly(Channel.PUSH_NOW, Channel.DIGEST, Channel.PUSH_NOW);
  }

  @Test
  void theCapIsPerResident() throws Exception {
    openAt(NOON_JST);
    for (int i = 0; i < CAP; i++) {
      give(match("r-1", "n-" + i, 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    }
    give(match("r-2", "n-0", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    assertThat(channels().get(CAP)).isEqualTo(Channel.PUSH_NOW);
  }

  @Test
  void theCapCountsTheDayAPushGoesOutOn() throws Exception {
    openAt(ELEVEN_PM_JST); // tonight's pushes wait for tomorrow morning, and count for tomorrow
    for (int i = 0; i < CAP + 1; i++) {
      give(match("r-1", "n-" + i, 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    }

    List<Delivery> out = harness.extractOutputValues();
    assertThat(out.subList(0, CAP)).allMatch(d -> d.channel() == Channel.PUSH_AT);
    assertThat(out.get(CAP).channel()).isEqualTo(Channel.DIGEST);
    assertThat(out.get(CAP).pushAt())
        .as("tomorrow's digest")
        .isEqualTo(SIX_PM_JST.plusSeconds(86400));
  }

  @Test
  void aWithdrawnNoticeGivesItsPendingPushSlotBack() throws Exception {
    openAt(ELEVEN_PM_JST);
    for (int i = 0; i < CAP; i++) {
      give(match("r-1", "n-" + i, 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    }
    harness.processBroadcastElement(Control.withdrawal("n-0"), 0);
    give(match("r-1", "n-late", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    assertThat(channels().get(CAP)).isEqualTo(Channel.PUSH_AT);
  }

  /** Entries of keyed state over all residents (the broadcast harness has no such count). */
  private int keyedStateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  /** The same match for a notice valid until {@code until}. */
  private static Match validUntil(Match m, Instant until) {
    return copy(m, m.noticeVersion(), m.severity(), m.significantChange(), m.quietHours(), until);
  }

  @Test
  void whatIsRememberedOfANoticeEndsWithItsValidityAndADaysCountOnceTheDayIsOverEverywhere()
      throws Exception {
    openAt(NOON_JST);
    publish(rules(RuleSlot.SHADOW, 1, 5, Set.of()));
    give(match("r-1", 1, Severity.IMPORTANT));
    // Pushed now, on 2026-11-23 in Tokyo; that date is over everywhere (UTC-12) at 11-24 12:00Z.
    Instant dayOverEverywhere = Instant.parse("2026-11-24T12:00:00Z");

    assertThat(channels()).containsExactly(Channel.PUSH_NOW);
    assertThat(keyedStateEntries())
        .as("the delivered notice, the day's count and the shadow day's count")
        .isEqualTo(3);
    assertThat(harness.numProcessingTimeTimers()).as("validity end, day end").isEqualTo(2);

    harness.setProcessingTime(dayOverEverywhere.toEpochMilli() - 1);
    assertThat(keyedStateEntries()).isEqualTo(3);

    harness.setProcessingTime(dayOverEverywhere.toEpochMilli());
    assertThat(keyedStateEntries()).as("only the delivered notice").isEqualTo(1);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(VALID_UNTIL.toEpochMilli());
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void aNoticeStillValidIsStillDeliveredOnceAfterAnotherNoticeExpired() throws Exception {
    openAt(NOON_JST);
    Instant shortEnd = Instant.parse("2026-11-25T00:00:00Z");
    Match longer = match("r-1", "n-long", 1, Severity.INFO, PublisherKind.DEPARTMENT);
    give(validUntil(match("r-1", "n-short", 1, Severity.INFO, PublisherKind.DEPARTMENT), shortEnd));
    give(longer);

    harness.setProcessingTime(shortEnd.toEpochMilli());
    give(longer);

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::noticeId)
        .containsExactly("n-short", "n-long");
    assertThat(keyedStateEntries()).as("n-long is remembered").isEqualTo(1);
  }

  @Test
  void aPublishedRuleSetTakesOverWithoutARestart() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", "n-0", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    publish(rules(RuleSlot.ACTIVE, 7, 1, Set.of()));
    give(match("r-1", "n-1", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    List<Delivery> out = harness.extractOutputValues();
    assertThat(out).extracting(Delivery::ruleVersion).containsExactly("builtin/1", "aizu/7");
    assertThat(out.get(1).channel()).as("the new cap of 1 is reached").isEqualTo(Channel.DIGEST);
  }

  @Test
  void aRuleSetsDigestCategoriesWaitForTheDigest() throws Exception {
    openAt(NOON_JST);
    publish(rules(RuleSlot.ACTIVE, 2, 5, Set.of(Category.CHILDCARE)));
    give(match("r-1", 1, Severity.IMPORTANT));

    Delivery delivery = harness.extractOutputValues().get(0);
    assertThat(delivery.channel()).isEqualTo(Channel.DIGEST);
    assertThat(delivery.pushAt()).isEqualTo(SIX_PM_JST);
  }

  @Test
  void aShadowRuleSetDecidesBesideTheActiveOneWithoutTouchingIt() throws Exception {
    openAt(NOON_JST);
    publish(rules(RuleSlot.SHADOW, 3, 0, Set.of()));
    give(match("r-1", 1, Severity.IMPORTANT));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(d -> assertThat(d.ruleVersion()).isEqualTo("builtin/1"))
        .satisfies(d -> assertThat(d.channel()).isEqualTo(Channel.PUSH_NOW));
    assertThat(harness.getSideOutput(DecideDeliveries.SHADOW))
        .singleElement()
        .satisfies(r -> assertThat(r.getValue().ruleVersion()).isEqualTo("aizu/3"))
        .satisfies(r -> assertThat(r.getValue().channel()).isEqualTo(Channel.DIGEST));

    harness.processBroadcastElement(Control.ruleSet(RuleSlot.SHADOW.key(), null), 0);
    give(match("r-1", "n-2", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    assertThat(harness.getSideOutput(DecideDeliveries.SHADOW)).as("shadow stopped").hasSize(1);
  }

  @Test
  void notInterestedLowersTheScoreOfTheCategoryUntilItNoLongerPushes() throws Exception {
    openAt(NOON_JST);
    RuleSet threshold =
        new RuleSet(
            "aizu",
            4,
            RuleSlot.ACTIVE,
            RuleSet.BUILTIN.weights(),
            Map.of(),
            Set.of(),
            0.6,
            5,
            1,
            null,
            "18:00",
            NOON_JST);
    publish(threshold);
    give(match("r-1", "n-0", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    for (int i = 0; i < 3; i++) {
      harness.processElement(
          ResidentEvent.of(new Feedback("r-1", "n-0", FeedbackKind.NOT_INTERESTED, NOON_JST)), 0);
    }
    give(match("r-1", "n-1", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    // Affinity 0 → −0.5 → −0.95 → −1 (clamped): liking 0, so (2.4 + 0.5 + 1 + 0.5 + 0) / 8.
    assertThat(harness.extractOutputValues())
        .extracting(Delivery::score)
        .containsExactly(NEUTRAL_SCORE, 0.55);
    assertThat(channels()).containsExactly(Channel.PUSH_NOW, Channel.DIGEST);
  }

  @Test
  void feedbackOnAnotherResidentsNoticeTeachesNothing() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", "n-0", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));
    harness.processElement(
        ResidentEvent.of(new Feedback("r-2", "n-0", FeedbackKind.NOT_INTERESTED, NOON_JST)), 0);
    give(match("r-2", "n-0", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::score)
        .containsExactly(NEUTRAL_SCORE, NEUTRAL_SCORE);
  }

  @Test
  void aDeletedResidentIsForgottenWholly() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", 1, Severity.IMPORTANT));
    harness.processElement(
        ResidentEvent.of(new Feedback("r-1", "n-1", FeedbackKind.NOT_INTERESTED, NOON_JST)), 0);

    harness.processElement(ResidentEvent.of(new ProfileChange("r-1", null)), 0);
    give(match("r-1", 1, Severity.IMPORTANT)); // the same resident id signs up again

    List<Delivery> out = harness.extractOutputValues();
    assertThat(out).as("no memory of the delivery").hasSize(2);
    assertThat(out)
        .extracting(Delivery::score)
        .as("no memory of the feedback")
        .containsExactly(NEUTRAL_SCORE, NEUTRAL_SCORE);
  }

  /** The resident's profile as the decide stage sees it: quiet 22:00 to 07:00 in Tokyo. */
  private void profile(String resident, Category... consents) throws Exception {
    harness.processElement(
        ResidentEvent.of(
            new ProfileChange(
                resident, Examples.resident(resident, "湊町", 1980, List.of(), consents))),
        0);
  }

  /** A correction of notice n-1 (CHILDCARE, important) as the parse stage broadcasts it. */
  private void correct(int version, Severity severity) throws Exception {
    harness.processBroadcastElement(
        Control.correction(
            new Correction(
                "n-1",
                version,
                Category.CHILDCARE,
                severity,
                PublisherKind.DEPARTMENT,
                Map.of("ja", "【訂正】t"),
                NOON_JST,
                VALID_UNTIL,
                null)),
        0);
  }

  @Test
  void aCorrectionReachesAResidentGivenAnEarlierVersionPushedAndSayingWhy() throws Exception {
    openAt(NOON_JST);
    profile("r-1", Category.CHILDCARE);
    give(match("r-1", 1, Severity.IMPORTANT));

    correct(2, Severity.IMPORTANT); // r-1 is not matched again: no longer in the audience

    assertThat(harness.extractOutputValues())
        .extracting(
            Delivery::residentId, Delivery::noticeVersion, Delivery::channel, Delivery::reasons)
        .containsExactly(
            tuple("r-1", 1, Channel.PUSH_NOW, List.of("you live in 湊町")),
            tuple(
                "r-1",
                2,
                Channel.PUSH_NOW,
                List.of("you were sent an earlier version of this notice")));
  }

  @Test
  void aCorrectionReachesNobodyWhoWasNeverGivenTheNotice() throws Exception {
    openAt(NOON_JST);
    profile("r-1", Category.CHILDCARE);
    profile("r-2", Category.CHILDCARE);
    give(match("r-1", 1, Severity.IMPORTANT));
    give(match("r-2", "n-other", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    correct(2, Severity.IMPORTANT);
    give(match("r-2", "n-marker", 1, Severity.IMPORTANT, PublisherKind.DEPARTMENT));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::residentId, Delivery::noticeId, Delivery::noticeVersion)
        .containsExactly(
            tuple("r-1", "n-1", 1),
            tuple("r-2", "n-other", 1),
            tuple("r-1", "n-1", 2),
            tuple("r-2", "n-marker", 1));
  }

  @Test
  void aCorrectionInQuietHoursIsPushedWhenTheyEnd() throws Exception {
    openAt(ELEVEN_PM_JST);
    profile("r-1", Category.CHILDCARE);
    give(match("r-1", 1, Severity.IMPORTANT));

    correct(2, Severity.IMPORTANT);

    Delivery correction = harness.extractOutputValues().get(1);
    assertThat(correction.channel()).isEqualTo(Channel.PUSH_AT);
    assertThat(correction.pushAt()).isEqualTo(Instant.parse("2026-11-23T22:00:00Z")); // 07:00 JST
  }

  @Test
  void aResidentWhoWithdrewConsentGetsTheCorrectionInTheFeedOnlyUnlessItIsAnEmergency()
      throws Exception {
    openAt(NOON_JST);
    profile("r-1", Category.CHILDCARE);
    give(match("r-1", 1, Severity.IMPORTANT));
    profile("r-1"); // consent to childcare withdrawn

    correct(2, Severity.IMPORTANT);
    correct(3, Severity.EMERGENCY);

    assertThat(channels()).containsExactly(Channel.PUSH_NOW, Channel.FEED_ONLY, Channel.PUSH_NOW);
  }

  @Test
  void aResidentWithNoProfileSeenGetsTheCorrectionInTheFeedOnly() throws Exception {
    openAt(NOON_JST);
    give(match("r-1", 1, Severity.IMPORTANT)); // state from before the stage kept profiles

    correct(2, Severity.IMPORTANT);

    assertThat(channels()).containsExactly(Channel.PUSH_NOW, Channel.FEED_ONLY);
  }

  @Test
  void aResidentStillInTheAudienceGetsTheCorrectionOnceWhicheverPathComesFirst() throws Exception {
    openAt(NOON_JST);
    profile("r-1", Category.CHILDCARE);
    profile("r-2", Category.CHILDCARE);
    give(match("r-1", 1, Severity.IMPORTANT));
    give(match("r-2", 1, Severity.IMPORTANT));

    give(variant(match("r-1", 1, Severity.IMPORTANT), 2, Severity.IMPORTANT, true, null));
    correct(2, Severity.IMPORTANT);
    give(variant(match("r-2", 1, Severity.IMPORTANT), 2, Severity.IMPORTANT, true, null));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::residentId, Delivery::noticeVersion)
        .containsExactly(tuple("r-1", 1), tuple("r-2", 1), tuple("r-1", 2), tuple("r-2", 2));
  }

  private static final GeoPoint HOME = new GeoPoint(37.4947, 139.9298);

  /** A resident at {@link #HOME}, with these needs, as the decide stage keeps them. */
  private void livesAtHome(String resident, String... needs) throws Exception {
    var profile =
        new ResidentProfile(
            resident,
            "072028",
            "湊町",
            HOME,
            1950,
            List.of(),
            List.of("ja"),
            Set.of(),
            Map.of(),
            null,
            "Asia/Tokyo",
            Set.of(needs),
            NOON_JST);
    harness.processElement(ResidentEvent.of(new ProfileChange(resident, profile)), 0);
  }

  private void citySite(
      String id, SiteKind kind, double lat, Set<Hazard> safeFor, Set<String> takes)
      throws Exception {
    var site =
        new EvacuationSite(
            id, kind, "072028", "site " + id, null, new GeoPoint(lat, 139.9300), safeFor, takes);
    harness.processBroadcastElement(Control.site(id, site), 0);
  }

  /** An emergency about a flood for the resident, outside quiet hours. */
  private static Match flood(String resident, String notice) {
    Match m = match(resident, notice, 1, Severity.EMERGENCY, PublisherKind.DEPARTMENT);
    return new Match(
        resident,
        notice,
        1,
        m.category(),
        Severity.EMERGENCY,
        m.publisherKind(),
        m.title(),
        m.reasons(),
        1,
        null,
        NOON_JST,
        false,
        false,
        null,
        "Asia/Tokyo",
        NOON_JST,
        VALID_UNTIL,
        Hazard.FLOOD);
  }

  @Test
  void anEmergencyWithAHazardNamesTheNearestSafeSiteAndAShelterForTheResidentsNeeds()
      throws Exception {
    openAt(NOON_JST);
    livesAtHome("r-1", "elderly");
    citySite("E-quake", SiteKind.EVACUATION_SITE, 37.4950, Set.of(Hazard.EARTHQUAKE), Set.of());
    citySite("E-flood", SiteKind.EVACUATION_SITE, 37.5200, Set.of(Hazard.FLOOD), Set.of());
    citySite("S-elderly", SiteKind.SHELTER, 37.5000, Set.of(), Set.of("高齢者"));

    give(flood("r-1", "n-1"));

    assertThat(harness.extractOutputValues().get(0).sites())
        .extracting(SiteAdvice::reason, SiteAdvice::siteId)
        .containsExactly(
            tuple(SiteAdvice.SAFE_FOR_HAZARD, "E-flood"),
            tuple(SiteAdvice.TAKES_IN_YOUR_NEEDS, "S-elderly"));
  }

  @Test
  void aSiteRemovedFromTheCitysListIsNoLongerAdvised() throws Exception {
    openAt(NOON_JST);
    livesAtHome("r-1");
    citySite("E-near", SiteKind.EVACUATION_SITE, 37.4950, Set.of(Hazard.FLOOD), Set.of());
    citySite("E-far", SiteKind.EVACUATION_SITE, 37.5200, Set.of(Hazard.FLOOD), Set.of());
    give(flood("r-1", "n-a"));

    harness.processBroadcastElement(Control.site("E-near", null), 0); // the site was closed
    give(flood("r-1", "n-b"));

    assertThat(harness.extractOutputValues())
        .extracting(d -> d.sites().get(0).siteId())
        .containsExactly("E-near", "E-far");
  }

  @Test
  void anEmergencyForAResidentWithoutAHomePointNamesNoSite() throws Exception {
    openAt(NOON_JST);
    profile("r-1", Category.CHILDCARE); // no home
    citySite("E-flood", SiteKind.EVACUATION_SITE, 37.5200, Set.of(Hazard.FLOOD), Set.of());

    give(flood("r-1", "n-1"));

    assertThat(harness.extractOutputValues().get(0).sites()).isEmpty();
  }

  @Test
  void anEarlierVersionThatArrivesAfterItsCorrectionIsFollowedByTheCorrection() throws Exception {
    openAt(NOON_JST);
    profile("r-1", Category.CHILDCARE);

    correct(2, Severity.IMPORTANT); // the match stage still fans version 1 out
    give(match("r-1", 1, Severity.IMPORTANT));

    assertThat(harness.extractOutputValues())
        .extracting(Delivery::noticeVersion, Delivery::channel, Delivery::reasons)
        .containsExactly(
            tuple(1, Channel.PUSH_NOW, List.of("you live in 湊町")),
            tuple(2, Channel.PUSH_NOW, List.of("you were sent an earlier version of this notice")));
  }
}
