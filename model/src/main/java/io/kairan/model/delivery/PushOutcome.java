package io.kairan.model.delivery;

/** What became of one push to one device. */
public enum PushOutcome {
  SENT,
  INVALID_TOKEN,
  FAILED_AFTER_RETRIES,
  REJECTED
}
