package io.kairan.api.rules;

import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Instant;

/**
 * One entry of a slot's history: a rule set an analyst put into the slot (or the shadow slot
 * emptied), who did it and when. Kept on the API's own topic rules.history.v1 (key: the id), so the
 * history outlives the compacted rules.v1, where only the latest set per slot stays.
 *
 * @param id the version id a rollback names
 * @param rules the rule set as the slot got it; null when the shadow slot was emptied
 * @param publishedBy the subject of the analyst's token
 * @param publishedAt on the API's clock
 * @param rollbackOf the id of the earlier entry this one puts back; null for a new set
 */
public record RulePublication(
    String id,
    RuleSlot slot,
    RuleSet rules,
    String publishedBy,
    Instant publishedAt,
    String rollbackOf) {

  boolean isWhole() {
    return id != null && slot != null && publishedAt != null && publishedBy != null;
  }
}
