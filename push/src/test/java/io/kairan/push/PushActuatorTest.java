package io.kairan.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Push's own settings file with Spring Security on the classpath, as in the local stack where push
 * shares the API's classpath: its metrics answer without a password, as the README's curl line
 * expects. Only the web server and actuator start (none of push's Kafka followers).
 */
class PushActuatorTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class ActuatorOnly {}

  @Test
  void pushMetricsAnswerWithoutAPasswordWithSpringSecurityOnTheClasspath() throws Exception {
    try (var push =
        new SpringApplicationBuilder(ActuatorOnly.class)
            .properties("spring.config.name=kairan-push")
            .run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off")) {
      String port = push.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + port + "/actuator/metrics/jvm.threads.live"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("\"name\":\"jvm.threads.live\"");
    }
  }
}
