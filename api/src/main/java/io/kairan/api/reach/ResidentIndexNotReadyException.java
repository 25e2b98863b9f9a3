package io.kairan.api.reach;

/** profiles.v1 or rules.v1 is still being read: a preview now would count too few. */
public class ResidentIndexNotReadyException extends RuntimeException {
  public ResidentIndexNotReadyException() {
    super("The API is still reading the residents' profiles; please try again shortly.");
  }
}
