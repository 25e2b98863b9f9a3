package io.kairan.recommender.job;

import io.kairan.model.rules.RuleSet;

/**
 * What every decide subtask must know: a rule set for a slot (null removes a shadow set), a
 * notice's withdrawal, or a notice's correction.
 */
public record Control(
    String ruleSlot, RuleSet ruleSet, String withdrawnNoticeId, Correction correction) {

  static Control ruleSet(String slotKey, RuleSet rules) {
    return new Control(slotKey, rules, null, null);
  }

  static Control withdrawal(String noticeId) {
    return new Control(null, null, noticeId, null);
  }

  static Control correction(Correction correction) {
    return new Control(null, null, null, correction);
  }

  boolean isWithdrawal() {
    return withdrawnNoticeId != null;
  }

  boolean isCorrection() {
    return correction != null;
  }
}
