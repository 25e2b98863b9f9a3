package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Creates the indices with their mappings when they do not exist yet. */
@Component
class IndexSetup implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;

  IndexSetup(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    create(settings.notices(), "/elasticsearch/notices.json");
    create(settings.deliveries(), "/elasticsearch/deliveries.json");
    create(settings.pushResults(), "/elasticsearch/push-results.json");
  }

  private void create(String index, String mapping) throws IOException {
    if (client.indices().exists(e -> e.index(index)).value()) {
      return;
    }
    try (InputStream json = IndexSetup.class.getResourceAsStream(mapping)) {
      client.indices().create(c -> c.index(index).withJson(json));
      log.info("created index {}", index);
    }
  }
}
