package io.kairan.recommender.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.rules.RuleSet;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The digest's time: the rule set's, unless it falls into the resident's quiet hours. */
class DigestTimeTest {
  private static final Instant NOON_JST = Instant.parse("2026-11-23T03:00:00Z");

  /** Childcare goes to the digest at {@code digestTime}, local; no default quiet hours. */
  private static RuleSet digestAt(String digestTime, QuietHours defaultQuiet) {
    RuleSet builtin = RuleSet.BUILTIN;
    return new RuleSet(
        "test",
        2,
        builtin.slot(),
        builtin.weights(),
        Map.of(),
        Set.of(Category.CHILDCARE),
        0,
        5,
        1,
        defaultQuiet,
        digestTime,
        NOON_JST);
  }

  private static Decision digestOf(QuietHours residentsQuiet, RuleSet rules) {
    return DeliveryPolicy.plan(
        DeliveryPolicyTest.match(Severity.IMPORTANT, false, residentsQuiet), 0.9, rules, NOON_JST);
  }

  @Test
  void aDigestTimeInsideTheResidentsQuietHoursMovesToTheirEnd() {
    Decision decision = digestOf(new QuietHours("20:00", "07:00"), digestAt("21:00", null));

    assertThat(decision)
        .isEqualTo(
            new Decision(
                Channel.DIGEST, Instant.parse("2026-11-23T22:00:00Z"))); // 07:00 JST next day
  }

  @Test
  void aDigestTimeOutsideTheQuietHoursStays() {
    Decision decision = digestOf(new QuietHours("22:00", "07:00"), digestAt("21:00", null));

    assertThat(decision)
        .isEqualTo(new Decision(Channel.DIGEST, Instant.parse("2026-11-23T12:00:00Z"))); // 21:00
  }

  @Test
  void withoutQuietHoursOfTheirOwnTheRuleSetsDefaultCounts() {
    Decision decision = digestOf(null, digestAt("21:00", new QuietHours("21:00", "06:30")));

    assertThat(decision)
        .isEqualTo(
            new Decision(
                Channel.DIGEST, Instant.parse("2026-11-23T21:30:00Z"))); // 06:30 JST next day
  }
}
