package io.kairan.model.rules;

/**
 * Where a rule set runs: the active one decides deliveries; a shadow one runs beside it and only
 * writes what it would have decided. The slot is the rule set's key on the compacted rules.v1, so
 * the topic always says which set is active.
 */
public enum RuleSlot {
  ACTIVE,
  SHADOW;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The slot a rules.v1 key names, or null. */
  public static RuleSlot ofKey(String key) {
    for (RuleSlot slot : values()) {
      if (slot.key().equals(key)) {
        return slot;
      }
    }
    return null;
  }
}
