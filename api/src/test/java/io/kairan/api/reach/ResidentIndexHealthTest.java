package io.kairan.api.reach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ResidentIndexHealthTest {

  @Test
  void theHealthIsOutOfServiceUntilProfilesAndRulesAreBothReadThenUp() {
    ResidentIndex residents = new ResidentIndex();
    ActiveRules rules = new ActiveRules();
    var health = new ResidentIndexHealthIndicator(residents, rules);

    assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    residents.markCaughtUp();
    assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    rules.markCaughtUp();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails())
        .containsEntry("residents", 0)
        .containsEntry("ruleSet", "builtin/1");
  }
}
