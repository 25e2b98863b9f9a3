package io.kairan.ingest.publish;

import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.Rejected;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One import: parse, dead-letter the rejects (once per source row and content), decide versions,
 * publish, and report only after Kafka acknowledged everything.
 */
public final class Importer {
  private final NoticeSink sink;
  private final Versions versions;
  private final DeadLettered deadLettered;

  public Importer(NoticeSink sink, Versions versions, DeadLettered deadLettered) {
    this.sink = sink;
    this.versions = versions;
    this.deadLettered = deadLettered;
  }

  public ImportSummary run(
      Connector connector,
      byte[] document,
      SourceContext context,
      String format,
      IntConsumer progress) {
    Parsed parsed = parse(connector, document, context, format);
    List<Rejected> rejected = new ArrayList<>(parsed.rejected());
    List<Item> valid = new ArrayList<>();
    for (Item item : parsed.items()) {
      List<String> problems = problems(item);
      if (problems.isEmpty()) {
        valid.add(item);
      } else {
        rejected.add(new Rejected(item.sourceRef(), item.toString(), String.join("; ", problems)));
      }
    }
    for (Rejected r : rejected) {
      // The key names the source and the row, so an operator finds it and a re-read matches it.
      String key = context.sourceName() + " " + r.sourceRef();
      if (!deadLettered.firstTime(key, r.raw())) {
        continue;
      }
      sink.deadLetter(
          new DeadLetter(
              Topics.NOTICES,
              key,
              r.raw(),
              r.reason(),
              "ingest:" + format + ":" + context.sourceName(),
              context.now()));
    }
    int published = 0, updated = 0, withdrawn = 0, unchanged = 0, done = 0;
    for (Item item : valid) {
      for (Change change : versions.decide(item, context.now())) {
        if (change instanceof Change.Published p) {
          sink.publish(p.notice());
          published++;
        } else if (change instanceof Change.Updated u) {
          sink.publish(u.notice());
          updated++;
        } else if (change instanceof Change.Withdrawn w) {
          sink.publish(w.notice());
          withdrawn++;
        } else {
          unchanged++;
        }
      }
      progress.accept(++done);
    }
    sink.flush();
    return new ImportSummary(
        parsed.read(), valid.size(), published, updated, withdrawn, unchanged, rejected);
  }

  /**
   * Connectors reject what they cannot read; should one fail anyway, the document is still
   * dead-lettered with the reason, never dropped and never the end of the import.
   */
  private static Parsed parse(
      Connector connector, byte[] document, SourceContext context, String format) {
    try {
      return connector.parse(document, context);
    } catch (RuntimeException e) {
      return Parsed.refused(
          "document",
          new String(document, 0, Math.min(document.length, 10_000), StandardCharsets.UTF_8),
          "the " + format + " reader failed on this document: " + e);
    }
  }

  /** A connector's notice must pass the same validation as one posted through the API. */
  private static List<String> problems(Item item) {
    if (item instanceof Item.Publish p) {
      return p.notice().problems();
    }
    if (item instanceof Item.Ensure e) {
      return e.notice().problems();
    }
    return List.of();
  }
}
