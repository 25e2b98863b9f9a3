package io.kairan.push.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Push's own settings file and its access filter over real HTTP on loopback (only the web server
 * and actuator start, none of push's Kafka followers). A caller outside the allowed ranges is
 * played by allowing a range loopback is not in.
 */
class ActuatorAccessTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableConfigurationProperties(ActuatorSettings.class)
  @Import(ActuatorAccessFilter.class)
  static class ActuatorOnly {}

  private static ConfigurableApplicationContext push(String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "--server.port=0";
    args[1] = "--server.address=127.0.0.1";
    args[2] = "--spring.main.banner-mode=off";
    System.arraycopy(more, 0, args, 3, more.length);
    return new SpringApplicationBuilder(ActuatorOnly.class)
        .properties("spring.config.name=kairan-push")
        .run(args);
  }

  private static HttpResponse<String> get(ConfigurableApplicationContext push, String path)
      throws Exception {
    String port = push.getEnvironment().getProperty("local.server.port");
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void byDefaultMetricsAndPrometheusAnswerLoopback() throws Exception {
    try (var push = push()) {
      assertThat(get(push, "/actuator/metrics/jvm.threads.live").statusCode()).isEqualTo(200);
      HttpResponse<String> prometheus = get(push, "/actuator/prometheus");
      assertThat(prometheus.statusCode()).isEqualTo(200);
      assertThat(prometheus.body()).contains("# TYPE jvm_threads_live_threads gauge");
    }
  }

  @Test
  void aCallerOutsideTheAllowedRangesGets403OnMetricsAndPrometheusButTheProbesAnswer()
      throws Exception {
    try (var push = push("--kairan.push.actuator.allowed-from=10.255.255.0/24")) {
      HttpResponse<String> metrics = get(push, "/actuator/metrics/jvm.threads.live");
      assertThat(metrics.statusCode()).isEqualTo(403);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json;charset=UTF-8");
      assertThat(metrics.body()).contains("\"status\":403").doesNotContain("jvm.threads.live");
      assertThat(get(push, "/actuator/prometheus").statusCode()).isEqualTo(403);
      assertThat(get(push, "/actuator").statusCode()).isEqualTo(403);

      assertThat(get(push, "/actuator/health/liveness").statusCode()).isEqualTo(200);
      assertThat(get(push, "/actuator/health/readiness").statusCode()).isEqualTo(200);
      HttpResponse<String> health = get(push, "/actuator/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body())
          .isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
    }
  }
}
