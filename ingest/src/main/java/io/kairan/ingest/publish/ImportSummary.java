package io.kairan.ingest.publish;

import io.kairan.ingest.source.Rejected;
import java.util.List;

/**
 * What an import did, for the operator.
 *
 * @param accepted items that passed validation (published, updated, withdrawn or unchanged)
 */
public record ImportSummary(
    int read,
    int accepted,
    int published,
    int updated,
    int withdrawn,
    int unchanged,
    List<Rejected> rejected) {
  /** Every item accepted, nothing rejected. */
  public static final int ALL_FINE = 0;

  /** Some rows or items rejected (dead-lettered); the others arrived. */
  public static final int SOME_REJECTED = 4;

  /** Nothing accepted: the document was refused or every row rejected. */
  public static final int ALL_REFUSED = 5;

  public ImportSummary {
    rejected = List.copyOf(rejected);
  }

  /** The CLI's exit code: a script must tell a partial or refused import from a good one. */
  public int exitCode() {
    if (rejected.isEmpty()) {
      return ALL_FINE;
    }
    return accepted == 0 ? ALL_REFUSED : SOME_REJECTED;
  }

  public String render() {
    StringBuilder out =
        new StringBuilder(
            "read %d, published %d, updated %d, withdrawn %d, unchanged %d, rejected %d"
                .formatted(read, published, updated, withdrawn, unchanged, rejected.size()));
    for (Rejected r : rejected) {
      out.append(System.lineSeparator())
          .append("  rejected ")
          .append(r.sourceRef())
          .append(": ")
          .append(r.reason());
    }
    return out.toString();
  }
}
