package io.kairan.ingest.alert;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.kairan.ingest.safety.SafeXml;
import io.kairan.ingest.safety.UnsafeInputException;
import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.Rejected;
import io.kairan.ingest.source.SourceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * JMA's Atom feed (extra.xml): every warning entry's XML is fetched, through the caller's safe
 * fetcher, and read by {@link JmaWarningConnector}.
 */
public final class JmaFeedConnector implements Connector {
  /** Fetches a linked document; throws with a reason when it may not or cannot. */
  public interface LinkFetcher {
    byte[] fetch(URI uri) throws Exception;
  }

  private final LinkFetcher fetcher;
  private final JmaWarningConnector warnings = new JmaWarningConnector();

  public JmaFeedConnector(LinkFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Override
  public Parsed parse(byte[] document, SourceContext context) {
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(SafeXml.parse(document));
    } catch (UnsafeInputException | FeedException | IllegalArgumentException e) {
      return Parsed.refused(
          "document",
          new String(document, 0, Math.min(document.length, 2000), StandardCharsets.UTF_8),
          "not a JMA Atom feed: " + e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int read = 0;
    for (SyndEntry entry : oldestFirst(feed.getEntries())) {
      if (entry.getTitle() == null || !entry.getTitle().contains("警報・注意報")) {
        continue;
      }
      String link =
          entry.getLinks().stream().map(SyndLink::getHref).findFirst().orElse(entry.getLink());
      if (link == null) {
        rejected.add(new Rejected(entry.getUri(), entry.getTitle(), "entry without a link"));
        continue;
      }
      try {
        // The national feed lists every prefecture's reports; those for elsewhere are skipped.
        Parsed report = warnings.read(fetcher.fetch(URI.create(link)), context);
        read += report.read();
        items.addAll(report.items());
        // A report refused whole is named by its link, so each has its own dead-letter key.
        report.rejected().stream()
            .map(
                r -> r.sourceRef().equals("document") ? new Rejected(link, r.raw(), r.reason()) : r)
            .forEach(rejected::add);
      } catch (Exception e) {
        rejected.add(
            new Rejected(link, entry.getTitle(), "cannot fetch " + link + ": " + e.getMessage()));
      }
    }
    return new Parsed(read, items, rejected);
  }

  /**
   * JMA lists the newest report first; read in that order, a warning lifted an hour after it was
   * issued would be withdrawn and then announced again. Entries without a date keep their place
   * among themselves, after the dated ones.
   */
  private static List<SyndEntry> oldestFirst(List<SyndEntry> entries) {
    return entries.stream()
        .sorted(
            Comparator.comparing(
                SyndEntry::getUpdatedDate, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }
}
