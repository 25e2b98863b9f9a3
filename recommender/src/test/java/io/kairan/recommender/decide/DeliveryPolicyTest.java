package io.kairan.recommender.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.rules.RuleSet;
import io.kairan.recommender.match.Match;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  private static final Instant NOON_JST = Instant.parse("2026-11-23T03:00:00Z");
  private static final Instant ELEVEN_PM_JST = Instant.parse("2026-11-23T14:00:00Z");
  private static final Instant SIX_PM_JST = Instant.parse("2026-11-23T09:00:00Z");
  private static final RuleSet RULES = RuleSet.BUILTIN;

  static Match match(Severity severity, boolean fromProfileChange, QuietHours quiet) {
    return new Match(
        "r",
        "n",
        1,
        Category.CHILDCARE,
        severity,
        PublisherKind.DEPARTMENT,
        Map.of("ja", "t"),
        List.of(),
        1,
        null,
        NOON_JST,
        fromProfileChange,
        false,
        quiet,
        "Asia/Tokyo",
        NOON_JST,
        NOON_JST.plusSeconds(7 * 86400),
        null);
  }

  private static Match match(Severity severity, boolean fromProfileChange) {
    return match(severity, fromProfileChange, new QuietHours("22:00", "07:00"));
  }

  private static RuleSet rules(
      Set<Category> digest, double pushThreshold, QuietHours defaultQuiet) {
    return new RuleSet(
        "test",
        2,
        RULES.slot(),
        RULES.weights(),
        Map.of(),
        digest,
        pushThreshold,
        5,
        1,
        defaultQuiet,
        "18:00",
        NOON_JST);
  }

  @Test
  void importantNoticesArePushedAtOnceOutsideQuietHours() {
    assertThat(DeliveryPolicy.plan(match(Severity.IMPORTANT, false), 0.5, RULES, NOON_JST))
        .isEqualTo(new Decision(Channel.PUSH_NOW, NOON_JST));
  }

  @Test
  void importantNoticesWaitForTheEndOfQuietHoursInTheResidentsZone() {
    Decision decision =
        DeliveryPolicy.plan(match(Severity.IMPORTANT, false), 0.5, RULES, ELEVEN_PM_JST);

    assertThat(decision.channel()).isEqualTo(Channel.PUSH_AT);
    assertThat(decision.pushAt())
        .isEqualTo(Instant.parse("2026-11-23T22:00:00Z")); // 07:00 JST next day
  }

  @Test
  void residentsWithoutQuietHoursGetTheRuleSetsDefault() {
    Match noQuietHours = match(Severity.IMPORTANT, false, null);

    assertThat(DeliveryPolicy.plan(noQuietHours, 0.5, RULES, ELEVEN_PM_JST).channel())
        .as("the built-in rules set none")
        .isEqualTo(Channel.PUSH_NOW);
    assertThat(
            DeliveryPolicy.plan(
                    noQuietHours,
                    0.5,
                    rules(Set.of(), 0, new QuietHours("21:00", "06:30")),
                    ELEVEN_PM_JST)
                .pushAt())
        .isEqualTo(Instant.parse("2026-11-23T21:30:00Z")); // 06:30 JST
  }

  @Test
  void emergenciesIgnoreQuietHoursDigestAndThresholds() {
    RuleSet strict = rules(Set.of(Category.CHILDCARE), 1.0, null);

    assertThat(DeliveryPolicy.plan(match(Severity.EMERGENCY, false), 0, strict, ELEVEN_PM_JST))
        .isEqualTo(new Decision(Channel.PUSH_NOW, ELEVEN_PM_JST));
  }

  @Test
  void infoNoticesGoToTheFeedOnly() {
    assertThat(DeliveryPolicy.plan(match(Severity.INFO, false), 1, RULES, NOON_JST).channel())
        .isEqualTo(Channel.FEED_ONLY);
  }

  @Test
  void aProfileChangeNeverPushesOldNews() {
    assertThat(DeliveryPolicy.plan(match(Severity.IMPORTANT, true), 1, RULES, NOON_JST).channel())
        .isEqualTo(Channel.FEED_ONLY);
  }

  @Test
  void digestCategoriesWaitForTheEveningDigest() {
    Decision decision =
        DeliveryPolicy.plan(
            match(Severity.IMPORTANT, false),
            0.9,
            rules(Set.of(Category.CHILDCARE), 0, null),
            NOON_JST);

    assertThat(decision).isEqualTo(new Decision(Channel.DIGEST, SIX_PM_JST));
  }

  @Test
  void aScoreBelowThePushThresholdGoesToTheDigestOfTheNextDayAfterItsTime() {
    Decision decision =
        DeliveryPolicy.plan(
            match(Severity.IMPORTANT, false), 0.39, rules(Set.of(), 0.4, null), ELEVEN_PM_JST);

    assertThat(decision)
        .isEqualTo(new Decision(Channel.DIGEST, SIX_PM_JST.plus(java.time.Duration.ofDays(1))));
  }

  @Test
  void overTheDailyCapAPushGoesToTheDigest() {
    PushDay full = new PushDay("2026-11-23", RULES.dailyPushCap(), 0);

    assertThat(DeliveryPolicy.decide(match(Severity.IMPORTANT, false), 0.5, RULES, NOON_JST, full))
        .isEqualTo(new Decision(Channel.DIGEST, SIX_PM_JST));
    assertThat(
            DeliveryPolicy.decide(match(Severity.EMERGENCY, false), 0.5, RULES, NOON_JST, full)
                .channel())
        .isEqualTo(Channel.PUSH_NOW);
  }
}
