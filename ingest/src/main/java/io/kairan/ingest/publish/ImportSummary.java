package io.kairan.ingest.publish;

import io.kairan.ingest.source.Rejected;
import java.util.List;

/** What an import did, for the operator. */
public record ImportSummary(
    int read, int published, int updated, int withdrawn, int unchanged, List<Rejected> rejected) {

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
