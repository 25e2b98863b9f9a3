package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Everything the read model holds about one resident, for their export: every delivery, push
 * outcome and feedback document with their id, read with a scroll (no page limit), as indexed.
 */
@Component
public class ResidentDocuments {
  private static final int PAGE = 500;
  private static final String KEEP_ALIVE = "1m";
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;

  ResidentDocuments(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** What is indexed about the resident, per kind of document. */
  public record Held(
      List<Map<String, Object>> deliveries,
      List<Map<String, Object>> pushOutcomes,
      List<Map<String, Object>> feedback) {}

  public Held of(String residentId) {
    try {
      return new Held(
          all(settings.deliveries(), residentId, residentId),
          all(settings.pushResults(), residentId, null),
          all(settings.feedback(), residentId, null));
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> all(String index, String residentId, String routing)
      throws IOException {
    if (!client.indices().exists(e -> e.index(index)).value()) {
      return List.of(); // nothing indexed yet
    }
    List<Map<String, Object>> found = new ArrayList<>();
    var first =
        client.search(
            s -> {
              s.index(index)
                  .query(q -> q.term(t -> t.field(Fields.RESIDENT_ID).value(residentId)))
                  .size(PAGE)
                  .scroll(t -> t.time(KEEP_ALIVE));
              return routing == null ? s : s.routing(routing);
            },
            Map.class);
    String scrollId = first.scrollId();
    HitsMetadata<Map> hits = first.hits();
    try {
      while (!hits.hits().isEmpty()) {
        for (Hit<Map> hit : hits.hits()) {
          found.add((Map<String, Object>) Objects.requireNonNull(hit.source()));
        }
        String id = scrollId;
        var next = client.scroll(r -> r.scrollId(id).scroll(t -> t.time(KEEP_ALIVE)), Map.class);
        scrollId = next.scrollId();
        hits = next.hits();
      }
    } finally {
      if (scrollId != null) {
        String id = scrollId;
        client.clearScroll(c -> c.scrollId(id));
      }
    }
    return found;
  }
}
