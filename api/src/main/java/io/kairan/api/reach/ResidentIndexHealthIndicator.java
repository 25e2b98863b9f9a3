package io.kairan.api.reach;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code residentIndex} in health and readiness: OUT_OF_SERVICE while profiles.v1 or rules.v1 is
 * still being read, since a preview on part of the residents would count too few.
 */
@Component
class ResidentIndexHealthIndicator implements HealthIndicator {
  private final ResidentIndex residents;
  private final ActiveRules rules;

  ResidentIndexHealthIndicator(ResidentIndex residents, ActiveRules rules) {
    this.residents = residents;
    this.rules = rules;
  }

  @Override
  public Health health() {
    Health.Builder health =
        residents.isCaughtUp() && rules.isCaughtUp()
            ? Health.up()
            : Health.outOfService()
                .withDetail("reason", "reading profiles.v1 and rules.v1 from their beginning");
    return health
        .withDetail("residents", residents.size())
        .withDetail("ruleSet", rules.active().label())
        .build();
  }
}
