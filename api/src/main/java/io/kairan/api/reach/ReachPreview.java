package io.kairan.api.reach;

import io.kairan.model.notice.Notice;
import io.kairan.model.rules.RuleSet;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A draft's reach now, on the residents and rule set the API holds. */
@Component
public class ReachPreview {
  private final ResidentIndex residents;
  private final ActiveRules rules;
  private final Clock clock;

  public ReachPreview(ResidentIndex residents, ActiveRules rules, Clock clock) {
    this.residents = residents;
    this.rules = rules;
    this.clock = clock;
  }

  /** The notice as it would be published; it must be valid (the caller checks it as a post). */
  public ReachFigures of(Notice draft) {
    if (!residents.isCaughtUp() || !rules.isCaughtUp()) {
      throw new ResidentIndexNotReadyException();
    }
    Instant now = clock.instant();
    RuleSet ruleSet = rules.active();
    ReachCount count = ReachCount.of(draft, residents.grouped(draft, now), ruleSet, now);
    return ReachFigures.of(count, ruleSet.label(), now);
  }
}
