package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the indices with their mappings when they do not exist yet: tried once at start, and
 * asked again before each indexing batch until it has succeeded, so the API starts (and takes
 * writes) while Elasticsearch is down, and the indexer sets the indices up when it comes.
 */
@Component
class IndexSetup implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private volatile boolean done;

  IndexSetup(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public void afterPropertiesSet() {
    try {
      ensure();
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Elasticsearch not ready at start, the indexer will set it up later: {}", e.toString());
    }
  }

  void ensure() throws IOException {
    if (done) {
      return;
    }
    synchronized (this) {
      if (!done) {
        create(settings.notices(), "/elasticsearch/notices.json");
        addFields(settings.notices(), "/elasticsearch/notices-search.json");
        create(settings.deliveries(), "/elasticsearch/deliveries.json");
        create(settings.pushResults(), "/elasticsearch/push-results.json");
        create(settings.feedback(), "/elasticsearch/feedback.json");
        replicate(
            settings.notices(), settings.deliveries(), settings.pushResults(), settings.feedback());
        done = true;
      }
    }
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

  /**
   * Sets the copies of each shard beyond the first (0 on one node; 1 on a cluster of two, so a node
   * can stop without a feed going missing); a dynamic setting, so it also changes existing indices.
   */
  private void replicate(String... indices) throws IOException {
    String replicas = String.valueOf(settings.replicas());
    client
        .indices()
        .putSettings(
            p -> p.index(java.util.List.of(indices)).settings(s -> s.numberOfReplicas(replicas)));
  }

  /**
   * Adds fields to an index's mapping, also one created before they existed (the search terms);
   * putting the same fields again changes nothing.
   */
  private void addFields(String index, String mapping) throws IOException {
    try (InputStream json = IndexSetup.class.getResourceAsStream(mapping)) {
      client.indices().putMapping(p -> p.index(index).withJson(json));
    }
  }
}
