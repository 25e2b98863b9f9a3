package io.kairan.api.rules;

import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Instant;

/** A rule set as an analyst sends it, made the API's: its slot and time are the API's to say. */
public final class RuleDrafts {
  private RuleDrafts() {}

  public static RuleSet stamped(RuleSet draft, RuleSlot slot, Instant at) {
    return new RuleSet(
        draft.name(),
        draft.version(),
        slot,
        draft.weights(),
        draft.categoryWeights(),
        draft.digestCategories(),
        draft.pushThreshold(),
        draft.dailyPushCap(),
        draft.firmDailyPushCap(),
        draft.defaultQuietHours(),
        draft.digestTime(),
        at);
  }
}
