package io.kairan.push;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The push service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KairanPushApplication {
  public static void main(String[] args) {
    SpringApplication.run(KairanPushApplication.class, args);
  }
}
