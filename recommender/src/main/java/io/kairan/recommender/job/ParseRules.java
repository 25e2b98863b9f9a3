package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;

/**
 * rules.v1 records (key: the slot, "active" or "shadow") to rule changes. A tombstone on "shadow"
 * stops the shadow run; the active set can only be replaced, never removed.
 */
final class ParseRules extends ParseRecords<Control> {

  ParseRules(Clock clock) {
    super(clock);
  }

  @Override
  void parse(RawRecord raw, Context ctx, Collector<Control> out) {
    RuleSlot slot = RuleSlot.ofKey(raw.key());
    if (slot == null) {
      throw new InvalidRecordException(List.of("key: must be \"active\" or \"shadow\""));
    }
    if (raw.value() == null) {
      if (slot == RuleSlot.ACTIVE) {
        throw new InvalidRecordException(
            List.of("value: the active rule set can be replaced but not removed"));
      }
      out.collect(Control.ruleSet(slot.key(), null));
      return;
    }
    RuleSet rules = Json.read(raw.value(), RuleSet.class);
    var problems = new ArrayList<>(rules.problems());
    if (rules.slot() != null && rules.slot() != slot) {
      problems.add("slot: must match the record key");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    out.collect(Control.ruleSet(slot.key(), rules));
  }
}
