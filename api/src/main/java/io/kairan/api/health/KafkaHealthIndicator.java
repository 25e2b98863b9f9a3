package io.kairan.api.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code kafka} in health and readiness: UP while the brokers answer a cluster description within
 * the timeout, with the cluster's id and how many brokers it has; DOWN with the reason otherwise.
 * Every write of the API, the ledger and the preview's index go through Kafka.
 */
class KafkaHealthIndicator implements HealthIndicator {
  private final Admin admin;
  private final Duration timeout;

  KafkaHealthIndicator(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
    try {
      String id = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      return Health.up().withDetail("clusterId", id).withDetail("brokers", brokers).build();
    } catch (ExecutionException e) {
      return down(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      return down(new TimeoutException("no answer within " + timeout.toMillis() + " ms"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().withDetail("reason", "interrupted").build();
    }
  }

  private static Health down(Throwable why) {
    return Health.down()
        .withDetail("reason", why.getClass().getSimpleName() + ": " + why.getMessage())
        .build();
  }
}
