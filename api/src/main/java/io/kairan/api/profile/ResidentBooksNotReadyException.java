package io.kairan.api.profile;

/**
 * The API is still reading the residents' profiles, devices or consents: an answer now could lie.
 */
public class ResidentBooksNotReadyException extends RuntimeException {
  public ResidentBooksNotReadyException() {
    super("The API is still reading the residents' data; please try again shortly.");
  }
}
