package io.kairan.api.index;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Elasticsearch is (one URL, or the nodes of a cluster separated by commas), how many copies
 * of each shard it keeps beyond the first, and the index names (a prefix lets tests and stacks
 * share a cluster).
 */
@ConfigurationProperties("kairan.elasticsearch")
public record ElasticsearchSettings(String url, String indexPrefix, Integer replicas) {
  public ElasticsearchSettings {
    url = url == null ? "http://localhost:9200" : url;
    indexPrefix = indexPrefix == null ? "" : indexPrefix;
    replicas = replicas == null ? 0 : replicas;
    if (replicas < 0) {
      throw new IllegalArgumentException("kairan.elasticsearch.replicas must be 0 or more");
    }
  }

  /** Each node's URL, so the client goes on to another node when one does not answer. */
  public java.util.List<String> urls() {
    return java.util.Arrays.stream(url.split(","))
        .map(String::trim)
        .filter(u -> !u.isEmpty())
        .toList();
  }

  public String notices() {
    return indexPrefix + "notices";
  }

  public String deliveries() {
    return indexPrefix + "deliveries";
  }

  public String pushResults() {
    return indexPrefix + "push-results";
  }

  public String feedback() {
    return indexPrefix + "feedback";
  }
}
