package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.kairan.model.notice.Notice;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The current version of notices as indexed, for reading feeds. Never for deciding a write: the
 * write path has its own ledger, kept from notices.v1.
 */
@Component
public class CurrentNotices {
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;

  CurrentNotices(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** The current versions of those notices that exist, by id. */
  public Map<String, Notice> current(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    try {
      var response = client.mget(m -> m.index(settings.notices()).ids(ids), Notice.class);
      Map<String, Notice> found = new HashMap<>();
      for (MultiGetResponseItem<Notice> item : response.docs()) {
        if (item.isResult() && item.result().found()) {
          found.put(item.result().id(), item.result().source());
        }
      }
      return found;
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }
}
