package io.kairan.api.problem;

/** The caller named something that belongs to someone else. */
public class NotYoursException extends RuntimeException {
  public NotYoursException(String message) {
    super(message);
  }
}
