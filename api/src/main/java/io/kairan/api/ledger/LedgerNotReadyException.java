package io.kairan.api.ledger;

/** notices.v1 is still being read: a write decided now could contradict what is already there. */
public class LedgerNotReadyException extends RuntimeException {
  public LedgerNotReadyException() {
    super("The API is still reading notices.v1; please try again shortly.");
  }
}
