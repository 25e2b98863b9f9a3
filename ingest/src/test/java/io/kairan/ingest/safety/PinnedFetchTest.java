package io.kairan.ingest.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PinnedFetchTest {
  private static InetAddress address(String literal) throws java.net.UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void theNameIsResolvedOnceAndTheRequestGoesToThatAddressWithTheNameAsHost() throws Exception {
    AtomicReference<String> host = new AtomicReference<>();
    try (var server =
        LoopbackServer.serving(
            "/feed",
            exchange -> {
              host.set(exchange.getRequestHeaders().getFirst("Host"));
              byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            })) {
      int port = server.port();
      AtomicInteger lookups = new AtomicInteger();
      // A rebinding resolver: the first answer is the test server, any later one the metadata host.
      SafeFetcher.Resolver rebinding =
          name ->
              new InetAddress[] {
                lookups.getAndIncrement() == 0
                    ? InetAddress.getLoopbackAddress()
                    : address("169.254.169.254")
              };
      var fetcher =
          new SafeFetcher(
              new FetchPolicy(Set.of("feed.example"), 1000, Duration.ofSeconds(5), 3, true),
              rebinding);

      Fetched fetched =
          fetcher.fetch(URI.create("http://feed.example:" + port + "/feed"), null, null);

      assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      assertThat(lookups).as("resolved once, for the check and the connection").hasValue(1);
      assertThat(host.get()).isEqualTo("feed.example:" + port);
    }
  }

  @Test
  void aNameWithAnyNonPublicAddressIsRefusedEvenIfItsFirstIsPublic() {
    var fetcher =
        new SafeFetcher(
            FetchPolicy.publicHosts(Set.of("feed.example")),
            name -> new InetAddress[] {address("93.184.216.34"), address("10.0.0.5")});

    assertThatThrownBy(() -> fetcher.check(URI.create("https://feed.example/rss")))
        .isInstanceOf(UnsafeInputException.class)
        .hasMessage("feed.example resolves to the non-public address 10.0.0.5");
  }

  @Test
  void aChunkedBodyIsReadAndCapped() throws Exception {
    try (var server =
        LoopbackServer.serving(
            "/feed",
            exchange -> {
              exchange.sendResponseHeaders(200, 0); // 0: chunked
              exchange.getResponseBody().write("a".repeat(300).getBytes(StandardCharsets.UTF_8));
              exchange.close();
            })) {
      URI feed = server.uri("/feed");

      assertThat(LoopbackServer.fetcher(1000).fetch(feed, null, null).body()).hasSize(300);
      assertThatThrownBy(() -> LoopbackServer.fetcher(100).fetch(feed, null, null))
          .hasMessageContaining("larger than 100 bytes");
    }
  }
}
