package io.kairan.api.consent;

import java.util.ArrayList;
import java.util.List;

/** Every consent event of one resident, oldest first: the value of its record, key its id. */
public record ConsentHistory(String residentId, List<ConsentEvent> events) {
  public ConsentHistory {
    events = events == null ? List.of() : List.copyOf(events);
  }

  public static ConsentHistory empty(String residentId) {
    return new ConsentHistory(residentId, List.of());
  }

  /** This history with more events at its end (nothing before them changes). */
  public ConsentHistory append(List<ConsentEvent> more) {
    var all = new ArrayList<>(events);
    all.addAll(more);
    return new ConsentHistory(residentId, all);
  }
}
