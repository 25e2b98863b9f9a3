package io.kairan.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Kairan API: residents, publishers, and the indexer that feeds Elasticsearch. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KairanApiApplication {
  /**
   * Its settings file is kairan-api.yml, so that apps sharing a classpath (the local stack) keep
   * their own.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(KairanApiApplication.class)
        .properties("spring.config.name=kairan-api");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
