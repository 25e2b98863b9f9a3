package io.kairan.model;

import java.util.List;

/** A record that cannot be accepted, with every reason found, each naming the field at fault. */
public class InvalidRecordException extends RuntimeException {
  private final List<String> problems;

  public InvalidRecordException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidRecordException(String problem, Throwable cause) {
    super(problem, cause);
    this.problems = List.of(problem);
  }

  public List<String> problems() {
    return problems;
  }
}
