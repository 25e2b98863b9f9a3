package io.kairan.api.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {
  @Test
  void theNodesOfAClusterAreGivenSeparatedByCommas() {
    var settings = new ElasticsearchSettings("http://10.0.0.1:9200, http://10.0.0.2:9200,", "", 1);

    assertThat(settings.urls()).containsExactly("http://10.0.0.1:9200", "http://10.0.0.2:9200");
  }

  @Test
  void oneNodeKeepsNoReplicaUnlessTold() {
    var settings = new ElasticsearchSettings("http://localhost:9200", null, null);

    assertThat(settings.urls()).containsExactly("http://localhost:9200");
    assertThat(settings.replicas()).isZero();
  }

  @Test
  void springBindsItFromTheApplicationsProperties() {
    var properties =
        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
            java.util.Map.of(
                "kairan.elasticsearch.url", "http://a:9200,http://b:9200",
                "kairan.elasticsearch.replicas", "1"));

    var settings =
        new org.springframework.boot.context.properties.bind.Binder(properties)
            .bind("kairan.elasticsearch", ElasticsearchSettings.class)
            .get();

    assertThat(settings.urls()).containsExactly("http://a:9200", "http://b:9200");
    assertThat(settings.replicas()).isEqualTo(1);
    assertThat(settings.indexPrefix()).isEmpty();
  }

  @Test
  void aNegativeReplicaCountIsRefused() {
    assertThatThrownBy(() -> new ElasticsearchSettings("http://localhost:9200", "", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replicas");
  }
}
