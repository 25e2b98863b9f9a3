package io.kairan.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.sun.net.httpserver.HttpServer;
import io.kairan.model.json.Json;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The API's own 8.19 client asking GET /_cluster/health of a server that answers as Elasticsearch
 * does (its product header and body), to pin how each cluster status reads; against a real
 * Elasticsearch the indicator is checked in deploy's ApiClientIT.
 */
class ElasticsearchHealthIndicatorTest {
  private static final Duration TIMEOUT = Duration.ofMillis(700);

  private static String answer(String status) {
    return """
        {"cluster_name":"kairan-local","status":"%s","timed_out":false,"number_of_nodes":1,
         "number_of_data_nodes":1,"active_primary_shards":6,"active_shards":6,
         "relocating_shards":0,"initializing_shards":0,"unassigned_shards":0,
         "unassigned_primary_shards":0,
         "delayed_unassigned_shards":0,"number_of_pending_tasks":0,
         "number_of_in_flight_fetch":0,"task_max_waiting_in_queue_millis":0,
         "active_shards_percent_as_number":100.0}
        """
        .formatted(status);
  }

  private static Health healthFrom(HttpServer server) throws Exception {
    server.start();
    try (RestClient rest =
            RestClient.builder(new HttpHost("127.0.0.1", server.getAddress().getPort())).build();
        var indicator =
            new ElasticsearchHealthIndicator(
                new ElasticsearchClient(
                    new RestClientTransport(rest, new JacksonJsonpMapper(Json.mapper()))),
                TIMEOUT)) {
      return indicator.health();
    } finally {
      server.stop(0);
    }
  }

  private static HttpServer answering(String body) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/_cluster/health",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    return server;
  }

  @Test
  void aGreenClusterIsUpWithItsStatusNameAndNodes() throws Exception {
    Health health = healthFrom(answering(answer("green")));

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("status", "green")
        .containsEntry("cluster", "kairan-local")
        .containsEntry("nodes", 1);
  }

  @Test
  void aYellowClusterIsUpAsASingleNodeAlwaysIs() throws Exception {
    Health health = healthFrom(answering(answer("yellow")));

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("status", "yellow");
  }

  @Test
  void aRedClusterIsDown() throws Exception {
    Health health = healthFrom(answering(answer("red")));

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("status", "red");
  }

  @Test
  void aServerThatDoesNotAnswerIsDownWithinTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Handlers on their own threads, so stopping the server does not wait for the silent one.
    silent.setExecutor(Executors.newCachedThreadPool());
    silent.createContext(
        "/_cluster/health",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    long start = System.nanoTime();
    Health health;
    try {
      health = healthFrom(silent);
    } finally {
      release.countDown();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(String.valueOf(health.getDetails().get("reason")))
        .contains("no answer within 700 ms");
    assertThat(took).isLessThan(TIMEOUT.multipliedBy(4));
  }

  @Test
  void nothingListeningIsDownWithTheReason() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (RestClient rest = RestClient.builder(new HttpHost("127.0.0.1", closed)).build();
        var indicator =
            new ElasticsearchHealthIndicator(
                new ElasticsearchClient(
                    new RestClientTransport(rest, new JacksonJsonpMapper(Json.mapper()))),
                TIMEOUT)) {
      Health health = indicator.health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(health.getDetails().get("reason"))).contains("Connect");
    }
  }
}
