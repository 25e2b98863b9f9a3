package io.kairan.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kairan.ingest.Samples;
import io.kairan.ingest.publish.ImportSummary;
import io.kairan.ingest.safety.FetchPolicy;
import io.kairan.ingest.safety.SafeFetcher;
import io.kairan.ingest.source.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollerTest {
  private HttpServer server;
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger imports = new AtomicInteger();
  private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

  @BeforeEach
  void start() throws Exception {
    byte[] feed = Samples.read("feeds/municipal_cms_sample.rss2.xml");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/rss.xml",
        exchange -> {
          if (status.get() != 200) {
            exchange.sendResponseHeaders(status.get(), -1);
          } else if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
          } else {
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Poller poller() {
    var source =
        new PolledSource(
            "cms",
            Format.RSS,
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rss.xml"),
            Duration.ofMinutes(5));
    // Loopback is a private address: allowed here explicitly, as for a city-internal CMS.
    var fetcher =
        new SafeFetcher(
            new FetchPolicy(Set.of("127.0.0.1"), 1_000_000, Duration.ofSeconds(5), 3, true));
    Poller.Import counting =
        (s, document, context) -> {
          imports.incrementAndGet();
          return new ImportSummary(1, 1, 1, 0, 0, 0, List.of());
        };
    return new Poller(
        source, fetcher, counting, "072028", Clock.fixed(Samples.NOW, ZoneOffset.UTC));
  }

  @Test
  void anUnchangedFeedIsNotImportedAgain() {
    Poller poller = poller();

    assertThat(poller.pollOnce(out)).isEqualTo(Duration.ofMinutes(5));
    assertThat(poller.pollOnce(out)).isEqualTo(Duration.ofMinutes(5));

    assertThat(imports).hasValue(1);
  }

  @Test
  void aFailingSourceBacksOffExponentiallyUpToAnHour() {
    Poller poller = poller();
    status.set(503);

    Duration first = poller.pollOnce(out);
    Duration second = poller.pollOnce(out);

    assertThat(first).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(10));
    assertThat(second).isBetween(Duration.ofMinutes(16), Duration.ofMinutes(20));
    assertThat(Poller.backoff(Duration.ofMinutes(5), 30)).isLessThanOrEqualTo(Poller.MAX_BACKOFF);
    assertThat(imports).hasValue(0);
  }
}
