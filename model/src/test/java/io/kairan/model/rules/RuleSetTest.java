package io.kairan.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Category;
import io.kairan.model.resident.QuietHours;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an analyst may publish (README "Rule sets"); each limit checked on both sides. */
class RuleSetTest {

  /** The README's example rule set; each test changes the one field it is about. */
  private static final class Draft {
    String name = "kids-first";
    int version = 3;
    RuleSlot slot = RuleSlot.ACTIVE;
    ScoreWeights weights = new ScoreWeights(3, 1, 1, 1, 2);
    Map<Category, Double> categoryWeights = Map.of(Category.DISASTER, 1.0, Category.SHOPPING, 0.2);
    double pushThreshold = 0.4;
    int dailyPushCap = 5;
    int firmDailyPushCap = 1;
    QuietHours defaultQuietHours = new QuietHours("21:00", "07:00");
    String digestTime = "18:00";

    RuleSet build() {
      return new RuleSet(
          name,
          version,
          slot,
          weights,
          categoryWeights,
          Set.of(Category.EVENTS),
          pushThreshold,
          dailyPushCap,
          firmDailyPushCap,
          defaultQuietHours,
          digestTime,
          Instant.parse("2026-11-23T03:00:00Z"));
    }
  }

  @Test
  void theReadmeExampleAndTheBuiltinRulesAreValid() {
    assertThat(new Draft().build().problems()).isEmpty();
    assertThat(RuleSet.BUILTIN.problems()).isEmpty();
  }

  @Test
  void deliveriesNameTheBuiltinRulesBuiltinSlashOne() {
    assertThat(RuleSet.BUILTIN.label()).isEqualTo("builtin/1");
  }

  @Test
  void aCategoryWithoutAWeightWeighsOneHalf() {
    RuleSet rules = new Draft().build();

    assertThat(rules.weightOf(Category.SHOPPING)).isEqualTo(0.2);
    assertThat(rules.weightOf(Category.HEALTH)).isEqualTo(0.5);
  }

  @Test
  void aNameNeedsTextAndAtMostSixtyCharacters() {
    var blank = new Draft();
    blank.name = " ";
    var longest = new Draft();
    longest.name = "r".repeat(60);
    var tooLong = new Draft();
    tooLong.name = "r".repeat(61);

    assertThat(blank.build().problems()).containsExactly("name: must not be blank");
    assertThat(longest.build().problems()).isEmpty();
    assertThat(tooLong.build().problems()).containsExactly("name: must be at most 60 characters");
  }

  @Test
  void versionsStartAtOne() {
    var first = new Draft();
    first.version = 1;
    var zero = new Draft();
    zero.version = 0;

    assertThat(first.build().problems()).isEmpty();
    assertThat(zero.build().problems()).containsExactly("version: must be 1 or more");
  }

  @Test
  void aRuleSetNeedsASlotAndWeights() {
    var noSlot = new Draft();
    noSlot.slot = null;
    var noWeights = new Draft();
    noWeights.weights = null;

    assertThat(noSlot.build().problems()).containsExactly("slot: is required");
    assertThat(noWeights.build().problems()).containsExactly("weights: is required");
  }

  @Test
  void weightsThatWeighNothingAreRefused() {
    var zero = new Draft();
    zero.weights = new ScoreWeights(0, 0, 0, 0, 0);
    var negative = new Draft();
    negative.weights = new ScoreWeights(3, 1, -1, 1, 2);

    assertThat(zero.build().problems())
        .containsExactly("weights: must not be negative and must not all be 0");
    assertThat(negative.build().problems())
        .containsExactly("weights: must not be negative and must not all be 0");
  }

  @Test
  void categoryWeightsRunFromZeroToOne() {
    var ends = new Draft();
    ends.categoryWeights = Map.of(Category.SHOPPING, 0.0, Category.DISASTER, 1.0);
    var below = new Draft();
    below.categoryWeights = Map.of(Category.SHOPPING, -0.01);
    var above = new Draft();
    above.categoryWeights = Map.of(Category.DISASTER, 1.01);

    assertThat(ends.build().problems()).isEmpty();
    assertThat(below.build().problems())
        .containsExactly("categoryWeights: must be between 0 and 1");
    assertThat(above.build().problems())
        .containsExactly("categoryWeights: must be between 0 and 1");
  }

  @Test
  void thePushThresholdRunsFromZeroToOne() {
    assertThat(threshold(0).problems()).isEmpty();
    assertThat(threshold(1).problems()).isEmpty();
    assertThat(threshold(-0.01).problems())
        .containsExactly("pushThreshold: must be between 0 and 1");
    assertThat(threshold(1.01).problems())
        .containsExactly("pushThreshold: must be between 0 and 1");
  }

  @Test
  void aCapOfZeroPushesNothingAndANegativeCapIsRefused() {
    var noPushes = new Draft();
    noPushes.dailyPushCap = 0;
    noPushes.firmDailyPushCap = 0;
    var negative = new Draft();
    negative.dailyPushCap = -1;
    var negativeFirm = new Draft();
    negativeFirm.firmDailyPushCap = -1;

    assertThat(noPushes.build().problems()).isEmpty();
    assertThat(negative.build().problems()).containsExactly("dailyPushCap: must not be negative");
    assertThat(negativeFirm.build().problems())
        .containsExactly("firmDailyPushCap: must not be negative");
  }

  @Test
  void theDigestTimeIsExactlyHoursAndMinutes() {
    assertThat(digestAt("23:59").problems()).isEmpty();
    assertThat(digestAt("24:00").problems())
        .containsExactly("digestTime: must be a local time like 18:00");
    assertThat(digestAt("7:00").problems())
        .containsExactly("digestTime: must be a local time like 18:00");
    assertThat(digestAt(null).problems())
        .containsExactly("digestTime: must be a local time like 18:00");
  }

  @Test
  void defaultQuietHoursAreOptionalButExactWhenGiven() {
    var none = new Draft();
    none.defaultQuietHours = null;
    var badStart = new Draft();
    badStart.defaultQuietHours = new QuietHours("25:00", "07:00");
    var badEnd = new Draft();
    badEnd.defaultQuietHours = new QuietHours("21:00", "7:00");

    assertThat(none.build().problems()).isEmpty();
    assertThat(badStart.build().problems())
        .containsExactly("defaultQuietHours.start: must be a local time like 22:00");
    assertThat(badEnd.build().problems())
        .containsExactly("defaultQuietHours.end: must be a local time like 07:00");
  }

  private static RuleSet threshold(double value) {
    var draft = new Draft();
    draft.pushThreshold = value;
    return draft.build();
  }

  private static RuleSet digestAt(String time) {
    var draft = new Draft();
    draft.digestTime = time;
    return draft.build();
  }
}
