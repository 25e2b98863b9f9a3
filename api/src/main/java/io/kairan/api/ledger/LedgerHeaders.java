package io.kairan.api.ledger;

/**
 * Kafka record headers the API puts on a notice's first version, so an Idempotency-Key survives a
 * restart: the ledger reads them back from notices.v1. The value stays the model's record.
 */
public final class LedgerHeaders {
  public static final String IDEMPOTENCY_KEY = "kairan-idempotency-key";
  public static final String FINGERPRINT = "kairan-draft-fingerprint";

  private LedgerHeaders() {}
}
