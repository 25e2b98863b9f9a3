package io.kairan.api.index;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where Elasticsearch is, and the index names (a prefix lets tests and stacks share a cluster). */
@ConfigurationProperties("kairan.elasticsearch")
public record ElasticsearchSettings(String url, String indexPrefix) {
  public ElasticsearchSettings {
    url = url == null ? "http://localhost:9200" : url;
    indexPrefix = indexPrefix == null ? "" : indexPrefix;
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
