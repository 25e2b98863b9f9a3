package io.kairan.api.reach;

import io.kairan.api.kafka.CaughtUp;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import org.springframework.stereotype.Component;

/**
 * The rule set the job decides with: the latest valid one on rules.v1 under the key "active", and
 * the job's built-in rules until an analyst published one. A record is read as the job reads it: an
 * invalid rule set, one naming another slot, or a tombstone on "active" changes nothing; the shadow
 * slot never decides a delivery, so the preview ignores it.
 */
@Component
public class ActiveRules {
  private volatile RuleSet active = RuleSet.BUILTIN;
  private final CaughtUp caughtUp = new CaughtUp();

  /** One rules.v1 record: the slot as key, the rule set as JSON (null: a tombstone). */
  public void accept(String key, String json) {
    if (RuleSlot.ofKey(key) != RuleSlot.ACTIVE || json == null) {
      return;
    }
    try {
      RuleSet rules = Json.read(json, RuleSet.class);
      if (rules != null && rules.problems().isEmpty() && rules.slot() == RuleSlot.ACTIVE) {
        active = rules;
      }
    } catch (InvalidRecordException e) {
      // the job dead-letters it and keeps deciding with the set it had
    }
  }

  public RuleSet active() {
    return active;
  }

  public void markCaughtUp() {
    caughtUp.mark();
  }

  public boolean isCaughtUp() {
    return caughtUp.is();
  }
}
