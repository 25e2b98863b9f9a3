package io.kairan.api.reach;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The reach preview for slice tests: the real index, rules and preview, counted as read to their
 * end, with no resident and the built-in rules (tests put in residents of their own districts).
 */
@TestConfiguration
public class ReachTestSupport {
  @Bean
  ResidentIndex residentIndex() {
    ResidentIndex index = new ResidentIndex();
    index.markCaughtUp();
    return index;
  }

  @Bean
  ActiveRules activeRules() {
    ActiveRules rules = new ActiveRules();
    rules.markCaughtUp();
    return rules;
  }

  @Bean
  ReachPreview reachPreview(ResidentIndex residents, ActiveRules rules, Clock clock) {
    return new ReachPreview(residents, rules, clock);
  }
}
