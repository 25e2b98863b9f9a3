package io.kairan.api.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code elasticsearch} in health: the cluster's health as Elasticsearch reports it, UP when green
 * or yellow (a single node's replicas are never assigned, so yellow is its normal state), DOWN when
 * red or when it does not answer within the timeout. Not in readiness: writes, previews and the
 * ledger do not need Elasticsearch, and feeds and figures answer 503 with Retry-After while it is
 * down, so taking the API out of service for it would refuse what still works (README, "Health").
 */
class ElasticsearchHealthIndicator implements HealthIndicator, AutoCloseable {
  private final ElasticsearchClient client;
  private final Duration timeout;

  /** One thread: the call is bounded here, whatever the client's own socket timeout. */
  private final ExecutorService caller =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "kairan-api-elasticsearch-health");
            t.setDaemon(true);
            return t;
          });

  ElasticsearchHealthIndicator(ElasticsearchClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    CompletableFuture<HealthResponse> asked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return client.cluster().health();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            caller);
    try {
      HealthResponse cluster = asked.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Health.Builder health = cluster.status() == HealthStatus.Red ? Health.down() : Health.up();
      return health
          .withDetail("status", cluster.status().jsonValue())
          .withDetail("cluster", cluster.clusterName())
          .withDetail("nodes", cluster.numberOfNodes())
          .build();
    } catch (ExecutionException e) {
      Throwable why =
          e.getCause() instanceof java.io.UncheckedIOException io ? io.getCause() : e.getCause();
      return Health.down()
          .withDetail("reason", why.getClass().getSimpleName() + ": " + why.getMessage())
          .build();
    } catch (TimeoutException e) {
      asked.cancel(true);
      return Health.down()
          .withDetail("reason", "no answer within " + timeout.toMillis() + " ms")
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().withDetail("reason", "interrupted").build();
    }
  }

  @Override
  public void close() {
    caller.shutdownNow();
  }
}
