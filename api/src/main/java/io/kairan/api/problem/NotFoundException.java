package io.kairan.api.problem;

/** Nothing with that id exists for the caller. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
