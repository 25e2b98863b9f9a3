package io.kairan.model.rules;

import io.kairan.model.Problems;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.QuietHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the rules that score notices and choose channels. Every delivery names the rule
 * set that made it by {@link #label()}.
 *
 * @param categoryWeights how much a city wants each category read, 0 to 1; missing means 0.5
 * @param digestCategories important notices of these categories go to the daily digest, not a push
 * @param pushThreshold an important notice scoring below this goes to the digest instead of a push
 * @param defaultQuietHours quiet hours for residents who set none; null for none
 * @param digestTime the local time ("18:00") of the daily digest
 */
public record RuleSet(
    String name,
    int version,
    RuleSlot slot,
    ScoreWeights weights,
    Map<Category, Double> categoryWeights,
    Set<Category> digestCategories,
    double pushThreshold,
    int dailyPushCap,
    int firmDailyPushCap,
    QuietHours defaultQuietHours,
    String digestTime,
    Instant createdAt) {

  /** The rules the job runs until an analyst publishes a rule set. */
  public static final RuleSet BUILTIN =
      new RuleSet(
          "builtin",
          1,
          RuleSlot.ACTIVE,
          new ScoreWeights(3, 1, 1, 1, 2),
          Map.of(),
          Set.of(),
          0.0,
          5,
          1,
          null,
          "18:00",
          Instant.EPOCH);

  public RuleSet {
    categoryWeights = categoryWeights == null ? Map.of() : Map.copyOf(categoryWeights);
    digestCategories = digestCategories == null ? Set.of() : Set.copyOf(digestCategories);
  }

  /** "name/version": what deliveries carry as their rule version. */
  public String label() {
    return name + "/" + version;
  }

  public double weightOf(Category category) {
    return categoryWeights.getOrDefault(category, 0.5);
  }

  public List<String> problems() {
    var problems =
        new Problems()
            .notBlank(name, "name")
            .maxLength(name, 60, "name")
            .require(version >= 1, "version", "must be 1 or more")
            .notNull(slot, "slot")
            .notNull(weights, "weights")
            .require(
                weights == null || weights.isValid(),
                "weights",
                "must not be negative and must not all be 0")
            .require(
                categoryWeights.values().stream().allMatch(w -> w != null && w >= 0 && w <= 1),
                "categoryWeights",
                "must be between 0 and 1")
            .require(
                pushThreshold >= 0 && pushThreshold <= 1,
                "pushThreshold",
                "must be between 0 and 1")
            .require(dailyPushCap >= 0, "dailyPushCap", "must not be negative")
            .require(firmDailyPushCap >= 0, "firmDailyPushCap", "must not be negative")
            .require(
                QuietHours.isTime(digestTime), "digestTime", "must be a local time like 18:00");
    if (defaultQuietHours != null) {
      problems
          .require(
              QuietHours.isTime(defaultQuietHours.start()),
              "defaultQuietHours.start",
              "must be a local time like 22:00")
          .require(
              QuietHours.isTime(defaultQuietHours.end()),
              "defaultQuietHours.end",
              "must be a local time like 07:00");
    }
    return problems.list();
  }
}
