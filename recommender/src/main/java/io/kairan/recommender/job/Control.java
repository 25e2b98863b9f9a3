package io.kairan.recommender.job;

import io.kairan.model.rules.RuleSet;
import io.kairan.model.site.EvacuationSite;

/**
 * What every decide subtask must know: a rule set for a slot (null removes a shadow set), a
 * notice's withdrawal, a notice's correction, or a site of the city (null removes {@code siteId}).
 */
public record Control(
    String ruleSlot,
    RuleSet ruleSet,
    String withdrawnNoticeId,
    Correction correction,
    String siteId,
    EvacuationSite site) {

  static Control ruleSet(String slotKey, RuleSet rules) {
    return new Control(slotKey, rules, null, null, null, null);
  }

  static Control withdrawal(String noticeId) {
    return new Control(null, null, noticeId, null, null, null);
  }

  static Control correction(Correction correction) {
    return new Control(null, null, null, correction, null, null);
  }

  static Control site(String id, EvacuationSite site) {
    return new Control(null, null, null, null, id, site);
  }

  boolean isSite() {
    return siteId != null;
  }

  boolean isWithdrawal() {
    return withdrawnNoticeId != null;
  }

  boolean isCorrection() {
    return correction != null;
  }
}
