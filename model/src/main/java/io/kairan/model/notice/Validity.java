package io.kairan.model.notice;

import io.kairan.model.Problems;
import java.time.Instant;
import java.util.List;

/** When a notice is relevant: from (inclusive) until (exclusive). */
public record Validity(Instant from, Instant until) {
  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(until);
  }

  public boolean isOver(Instant at) {
    return !at.isBefore(until);
  }

  public List<String> problems() {
    var problems = new Problems().notNull(from, "from").notNull(until, "until");
    if (from != null && until != null) {
      problems.require(until.isAfter(from), "until", "must be after from");
    }
    return problems.list();
  }
}
