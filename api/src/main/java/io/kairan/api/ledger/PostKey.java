package io.kairan.api.ledger;

/** An Idempotency-Key in its scope: keys are the publisher's own, so two publishers never clash. */
public record PostKey(String publisherId, String key) {}
