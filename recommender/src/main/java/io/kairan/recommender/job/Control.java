package io.kairan.recommender.job;

import io.kairan.model.rules.RuleSet;

/**
 * What every decide subtask must know: a rule set for a slot (null removes a shadow set), or a
 * notice's withdrawal.
 */
public record Control(String ruleSlot, RuleSet ruleSet, String withdrawnNoticeId) {

  static Control ruleSet(String slotKey, RuleSet rules) {
    return new Control(slotKey, rules, null);
  }

  static Control withdrawal(String noticeId) {
    return new Control(null, null, noticeId);
  }

  boolean isWithdrawal() {
    return withdrawnNoticeId != null;
  }
}
