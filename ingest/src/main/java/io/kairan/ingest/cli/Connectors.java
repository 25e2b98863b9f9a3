package io.kairan.ingest.cli;

import io.kairan.ingest.alert.CapConnector;
import io.kairan.ingest.alert.JmaFeedConnector;
import io.kairan.ingest.alert.JmaWarningConnector;
import io.kairan.ingest.alert.MunicipalityArea;
import io.kairan.ingest.feed.CalendarConnector;
import io.kairan.ingest.feed.NewsFeedConnector;
import io.kairan.ingest.opendata.EventListConnector;
import io.kairan.ingest.opendata.PhraseDictionary;
import io.kairan.ingest.safety.SafeFetcher;
import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Format;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;

/** The connector for each format, with the dictionaries and the fetcher they need. */
final class Connectors {
  private Connectors() {}

  static Connector of(
      Format format,
      PhraseDictionary<Audience> targets,
      MunicipalityArea area,
      SafeFetcher fetcher) {
    PhraseDictionary<Category> categories = EventListConnector.defaultCategories();
    return switch (format) {
      case OPENDATA_EVENTS -> new EventListConnector(targets, categories);
      case RSS, ATOM -> new NewsFeedConnector(categories);
      case ICAL -> new CalendarConnector(categories);
      case CAP -> new CapConnector(area);
      case JMA -> new JmaWarningConnector();
      case JMA_FEED -> new JmaFeedConnector(uri -> fetcher.fetch(uri, null, null).body());
    };
  }
}
