package io.kairan.api.ledger;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code noticeLedger} in health and readiness: OUT_OF_SERVICE while notices.v1 is still being
 * read, since a write decided on a partial ledger could contradict the topic.
 */
@Component
class NoticeLedgerHealthIndicator implements HealthIndicator {
  private final NoticeLedger ledger;

  NoticeLedgerHealthIndicator(NoticeLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Health health() {
    Health.Builder health =
        ledger.isCaughtUp()
            ? Health.up()
            : Health.outOfService().withDetail("reason", "reading notices.v1 from its beginning");
    return health.withDetail("notices", ledger.notices()).withDetail("keys", ledger.keys()).build();
  }
}
