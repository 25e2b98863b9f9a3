package io.kairan.ingest.source;

import java.util.List;

/** Everything a connector made of one document: the items, the rejects, and how many it read. */
public record Parsed(int read, List<Item> items, List<Rejected> rejected) {
  public Parsed {
    items = List.copyOf(items);
    rejected = List.copyOf(rejected);
  }

  /** A whole document refused (malformed, hostile, too big): nothing in it is taken. */
  public static Parsed refused(String sourceRef, String raw, String reason) {
    return new Parsed(1, List.of(), List.of(new Rejected(sourceRef, raw, reason)));
  }
}
