package io.kairan.api.feed;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.kairan.api.index.ElasticsearchSettings;
import io.kairan.api.index.NoticeStore;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Notice;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a feed: the resident's newest deliveries (one shard, by routing), then the current version
 * of each notice, so an update shows at once and a withdrawn or expired notice is gone at once.
 */
@Component
class FeedReader {
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private final NoticeStore notices;
  private final Clock clock;

  FeedReader(
      ElasticsearchClient client,
      ElasticsearchSettings settings,
      NoticeStore notices,
      Clock clock) {
    this.client = client;
    this.settings = settings;
    this.notices = notices;
    this.clock = clock;
  }

  List<FeedItem> feed(String residentId, int size) throws IOException {
    // Several versions of a notice may each have a delivery: read extra, keep the newest per
    // notice.
    List<Hit<Delivery>> hits =
        client
            .search(
                s ->
                    s.index(settings.deliveries())
                        .routing(residentId)
                        .query(q -> q.term(t -> t.field("residentId").value(residentId)))
                        .sort(o -> o.field(f -> f.field("decidedAt").order(SortOrder.Desc)))
                        .size(size * 3),
                Delivery.class)
            .hits()
            .hits();
    Map<String, Delivery> newestPerNotice = new LinkedHashMap<>();
    for (Hit<Delivery> hit : hits) {
      newestPerNotice.putIfAbsent(hit.source().noticeId(), hit.source());
    }
    Map<String, Notice> current = notices.current(new ArrayList<>(newestPerNotice.keySet()));
    Instant now = clock.instant();
    List<FeedItem> feed = new ArrayList<>();
    for (Delivery delivery : newestPerNotice.values()) {
      Notice notice = current.get(delivery.noticeId());
      if (notice == null || notice.isWithdrawn() || notice.validity().isOver(now)) {
        continue;
      }
      feed.add(item(delivery, notice));
      if (feed.size() == size) {
        break;
      }
    }
    return feed;
  }

  private static FeedItem item(Delivery delivery, Notice notice) {
    return new FeedItem(
        notice.id(),
        notice.version(),
        notice.category(),
        notice.severity(),
        notice.publisher().name(),
        notice.title(),
        notice.body(),
        notice.url(),
        notice.location(),
        notice.validity(),
        delivery.reasons(),
        delivery.channel(),
        delivery.score(),
        delivery.decidedAt());
  }
}
