package io.kairan.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A real admin client against an address where no broker answers: the indicator is DOWN, with the
 * reason, within its timeout (UP against a real broker: deploy's ApiClientIT).
 */
class KafkaHealthIndicatorTest {

  @Test
  void aBrokerThatDoesNotAnswerIsDownWithTheReasonWithinTheTimeout() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort(); // free once closed: nothing listens there
    }
    Duration timeout = Duration.ofMillis(500);
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closed,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500))) {
      long start = System.nanoTime();
      Health health = new KafkaHealthIndicator(admin, timeout).health();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(health.getDetails().get("reason"))).isNotBlank();
      // The admin call and the wait for its answer each stop at the timeout.
      assertThat(took).isLessThan(timeout.multipliedBy(4));
    }
  }
}
