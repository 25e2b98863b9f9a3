package io.kairan.ingest.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.kairan.ingest.opendata.PhraseDictionary;
import io.kairan.ingest.safety.CleanText;
import io.kairan.ingest.safety.SafeXml;
import io.kairan.ingest.safety.UnsafeInputException;
import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.NoticeIds;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.Rejected;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Validity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.w3c.dom.Document;

/**
 * RSS 1.0, RSS 2.0 and Atom through ROME, after the document passed the safe XML parser. An item
 * stays relevant for {@link #RELEVANCE} from its date.
 */
public final class NewsFeedConnector implements Connector {
  static final Duration RELEVANCE = Duration.ofDays(30);
  private final PhraseDictionary<Category> categories;

  public NewsFeedConnector(PhraseDictionary<Category> categories) {
    this.categories = categories;
  }

  @Override
  public Parsed parse(byte[] document, SourceContext context) {
    SyndFeed feed;
    try {
      Document xml = SafeXml.parse(document);
      feed = new SyndFeedInput().build(xml);
    } catch (UnsafeInputException e) {
      return Parsed.refused(
          "document",
          new String(document, 0, Math.min(document.length, 2000), StandardCharsets.UTF_8),
          e.getMessage());
    } catch (FeedException | IllegalArgumentException e) {
      return Parsed.refused(
          "document",
          new String(document, 0, Math.min(document.length, 2000), StandardCharsets.UTF_8),
          "not an RSS or Atom feed: " + e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      String ref = entry.getUri() != null ? entry.getUri() : entry.getLink();
      String title = CleanText.of(entry.getTitle(), Notice.MAX_TITLE);
      if (ref == null || title == null) {
        rejected.add(
            new Rejected(
                String.valueOf(ref),
                String.valueOf(entry.getTitle()),
                "an item needs a guid or link, and a title"));
        continue;
      }
      try {
        items.add(new Item.Publish(notice(feed, entry, ref, title, context), ref));
      } catch (RuntimeException e) {
        // One item ROME read but Kairan cannot use: that item is rejected, the others go on.
        rejected.add(new Rejected(ref, String.valueOf(entry), "unreadable item: " + e));
      }
    }
    return new Parsed(feed.getEntries().size(), items, rejected);
  }

  private Notice notice(
      SyndFeed feed, SyndEntry entry, String ref, String title, SourceContext context) {
    Instant from = date(entry, context);
    String link =
        entry.getLink() != null && entry.getLink().matches("https?://.*") ? entry.getLink() : null;
    return FeedNotices.notice(
        NoticeIds.of("feed", context.sourceName(), ref),
        context,
        categories,
        entry.getCategories().stream().map(SyndCategory::getName).toList(),
        feed.getLanguage(),
        title,
        CleanText.of(body(entry), Notice.MAX_BODY),
        link,
        new Validity(from, from.plus(RELEVANCE)));
  }

  private static String body(SyndEntry entry) {
    if (entry.getDescription() != null) {
      return entry.getDescription().getValue();
    }
    return entry.getContents().stream().map(SyndContent::getValue).findFirst().orElse(null);
  }

  /** The item's date; an undated item counts from the day it was first read. */
  private static Instant date(SyndEntry entry, SourceContext context) {
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date != null) {
      return date.toInstant();
    }
    return context.now().atZone(ZoneId.of("Asia/Tokyo")).truncatedTo(ChronoUnit.DAYS).toInstant();
  }
}
