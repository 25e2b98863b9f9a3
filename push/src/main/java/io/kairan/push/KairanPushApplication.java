package io.kairan.push;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The push service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KairanPushApplication {
  /**
   * Its settings file is kairan-push.yml, so that apps sharing a classpath (the local stack) keep
   * their own.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(KairanPushApplication.class)
        .properties("spring.config.name=kairan-push");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
