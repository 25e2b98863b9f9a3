package io.kairan.recommender.job;

/**
 * What every decide subtask must know: a rule set for a slot (JSON; null removes a shadow set), or
 * a notice's withdrawal. Rule sets travel as JSON for the same reason notices do.
 */
public record Control(String ruleSlot, String ruleSetJson, String withdrawnNoticeId) {

  static Control ruleSet(String slotKey, String json) {
    return new Control(slotKey, json, null);
  }

  static Control withdrawal(String noticeId) {
    return new Control(null, null, noticeId);
  }

  boolean isWithdrawal() {
    return withdrawnNoticeId != null;
  }
}
