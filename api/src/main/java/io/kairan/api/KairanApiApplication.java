package io.kairan.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Kairan API: residents, publishers, and the indexer that feeds Elasticsearch. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KairanApiApplication {
  public static void main(String[] args) {
    SpringApplication.run(KairanApiApplication.class, args);
  }
}
