package io.kairan.api.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the ledger remembers, and how long writes wait for it at start.
 *
 * @param forgetAfter a notice is forgotten this long after its validity ended (then it is 404 to
 *     the write path); 30 days by default, so a late correction or withdrawal still works
 * @param keyRetention an Idempotency-Key is honoured this long after its first post (24 h, as
 *     Stripe does)
 * @param startupWait how long the start waits for the replay of notices.v1 before serving anyway
 *     (not ready, writes answer 503 until it is done)
 * @param writeWait how long a write waits for a replay still running before answering 503
 */
@ConfigurationProperties("kairan.ledger")
public record LedgerSettings(
    Duration forgetAfter, Duration keyRetention, Duration startupWait, Duration writeWait) {
  public LedgerSettings {
    forgetAfter = forgetAfter == null ? Duration.ofDays(30) : forgetAfter;
    keyRetention = keyRetention == null ? Duration.ofHours(24) : keyRetention;
    startupWait = startupWait == null ? Duration.ofSeconds(60) : startupWait;
    writeWait = writeWait == null ? Duration.ofSeconds(5) : writeWait;
  }

  public static LedgerSettings defaults() {
    return new LedgerSettings(null, null, null, null);
  }
}
