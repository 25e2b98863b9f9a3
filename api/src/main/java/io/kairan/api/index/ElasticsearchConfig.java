package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.kairan.model.json.Json;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The 8.19 client, declared here: Boot's auto-configuration wants the 9.x client, which an 8.19
 * server refuses. Documents are read and written with Kairan's own JSON codec.
 */
@Configuration
class ElasticsearchConfig {
  private static final Logger log = LoggerFactory.getLogger(ElasticsearchConfig.class);

  /** With the credentials and CA certificate from the environment (ELASTICSEARCH_USERNAME, …). */
  @Bean(destroyMethod = "close")
  RestClient elasticsearchRestClient(ElasticsearchSettings settings, Environment environment) {
    ElasticsearchAccess access = null;
    for (String url : settings.urls()) {
      // Checked per node: no credentials go over plain http to any of them.
      access = ElasticsearchAccess.from(url, environment::getProperty);
    }
    if (access == null) {
      throw new IllegalArgumentException("kairan.elasticsearch.url names no node");
    }
    log.info("Elasticsearch at {} with {}", settings.urls(), access);
    HttpHost[] hosts = settings.urls().stream().map(HttpHost::create).toArray(HttpHost[]::new);
    return access.applyTo(RestClient.builder(hosts)).build();
  }

  @Bean
  ElasticsearchClient elasticsearchClient(RestClient restClient) {
    return new ElasticsearchClient(
        new RestClientTransport(restClient, new JacksonJsonpMapper(Json.mapper())));
  }
}
