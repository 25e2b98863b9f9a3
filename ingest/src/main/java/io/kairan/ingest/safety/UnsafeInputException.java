package io.kairan.ingest.safety;

/** Input refused for safety or well-formedness, with a reason fit for a dead letter. */
public class UnsafeInputException extends Exception {
  public UnsafeInputException(String reason) {
    super(reason);
  }

  public UnsafeInputException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
