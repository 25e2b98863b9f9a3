package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.kairan.model.delivery.Delivery;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** A resident's deliveries as indexed: one shard, by routing on the resident id. */
@Component
public class Deliveries {
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;

  Deliveries(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Up to {@code limit} of the resident's deliveries, the latest decided first. */
  public List<Delivery> newestFirst(String residentId, int limit) {
    try {
      return client
          .search(
              s ->
                  s.index(settings.deliveries())
                      .routing(residentId)
                      .query(q -> q.term(t -> t.field(Fields.RESIDENT_ID).value(residentId)))
                      .sort(o -> o.field(f -> f.field(Fields.DECIDED_AT).order(SortOrder.Desc)))
                      .size(limit),
              Delivery.class)
          .hits()
          .hits()
          .stream()
          .map(Hit::source)
          .toList();
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }
}
