package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.kairan.model.json.Json;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The 8.19 client, declared here: Boot's auto-configuration wants the 9.x client, which an 8.19
 * server refuses. Documents are read and written with Kairan's own JSON codec.
 */
@Configuration
class ElasticsearchConfig {

  @Bean(destroyMethod = "close")
  RestClient elasticsearchRestClient(ElasticsearchSettings settings) {
    return RestClient.builder(HttpHost.create(settings.url())).build();
  }

  @Bean
  ElasticsearchClient elasticsearchClient(RestClient restClient) {
    return new ElasticsearchClient(
        new RestClientTransport(restClient, new JacksonJsonpMapper(Json.mapper())));
  }
}
