package io.kairan.ingest.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which addresses the fetcher connects to, checked on both edges of every non-public range, and for
 * redirects too. No network: names resolve through a resolver given here, and the transport records
 * where it was asked to connect instead of connecting.
 */
class AddressPolicyTest {
  /** The first and last address of each range the fetcher must never reach, and odd spellings. */
  static Stream<InetAddress> nonPublic() throws UnknownHostException {
    return Stream.of(
        ip("10.0.0.0"),
        ip("10.255.255.255"),
        ip("172.16.0.0"),
        ip("172.31.255.255"),
        ip("192.168.0.0"),
        ip("192.168.255.255"),
        ip("127.0.0.0"),
        ip("127.255.255.255"),
        ip("169.254.0.0"),
        ip("169.254.169.254"),
        ip("169.254.255.255"),
        ip("100.64.0.0"),
        ip("100.127.255.255"),
        ip("0.0.0.0"),
        ip("0.255.255.255"),
        ip("::1"),
        ip("::"),
        ip("fc00::"),
        ip("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ip("fe80::"),
        ip("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        // IPv4-mapped, kept as IPv6 (InetAddress.getByName would unwrap it to 127.0.0.1).
        mapped(127, 0, 0, 1),
        mapped(10, 1, 2, 3),
        // Even a public IPv4 host is not reached through a mapped address.
        mapped(93, 184, 216, 34));
  }

  /** The neighbours just outside each range: public, fetched. */
  static Stream<InetAddress> publicNeighbours() throws UnknownHostException {
    return Stream.of(
        ip("9.255.255.255"),
        ip("11.0.0.0"),
        ip("172.15.255.255"),
        ip("172.32.0.0"),
        ip("192.167.255.255"),
        ip("192.169.0.0"),
        ip("126.255.255.255"),
        ip("128.0.0.0"),
        ip("169.253.255.255"),
        ip("169.255.0.0"),
        ip("100.63.255.255"),
        ip("100.128.0.0"),
        ip("1.0.0.0"),
        ip("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ip("fe00::"),
        ip("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ip("2606:2800:220:1::1"));
  }

  private static final InetAddress PUBLIC_FEED = ipUnchecked("93.184.216.34");

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  private static InetAddress ipUnchecked(String literal) {
    try {
      return ip(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    bytes[12] = (byte) a;
    bytes[13] = (byte) b;
    bytes[14] = (byte) c;
    bytes[15] = (byte) d;
    return Inet6Address.getByAddress(null, bytes, -1);
  }

  /** Where the fetcher asked to connect, and what each connection answered. */
  private static final class Connections implements SafeFetcher.Transport {
    final List<String> asked = new ArrayList<>();

    @Override
    public PinnedHttp.Answer get(
        URI uri,
        InetAddress address,
        Map<String, String> headers,
        java.time.Duration timeout,
        long maxBytes) {
      asked.add(uri + " at " + address.getHostAddress());
      if (uri.getHost().equals("feed.example")) {
        // The feed has moved, it says, to a CDN host that is also configured.
        return new PinnedHttp.Answer(
            302, Map.of("location", "http://cdn.example/rss"), new byte[0]);
      }
      return new PinnedHttp.Answer(200, Map.of(), "<rss/>".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static SafeFetcher fetcher(InetAddress cdn, Connections connections) {
    return new SafeFetcher(
        FetchPolicy.publicHosts(Set.of("feed.example", "cdn.example")),
        name -> new InetAddress[] {name.equals("feed.example") ? PUBLIC_FEED : cdn},
        connections);
  }

  @ParameterizedTest
  @MethodSource("nonPublic")
  void aHostResolvingToANonPublicAddressIsRefusedWithoutConnecting(InetAddress address) {
    var connections = new Connections();

    assertThatThrownBy(
            () ->
                fetcher(address, connections)
                    .fetch(URI.create("http://cdn.example/rss"), null, null))
        .isInstanceOf(UnsafeInputException.class)
        .hasMessage("cdn.example resolves to the non-public address " + address.getHostAddress());
    assertThat(connections.asked).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("nonPublic")
  void aRedirectToAConfiguredHostResolvingToANonPublicAddressIsRefusedBeforeConnecting(
      InetAddress address) {
    var connections = new Connections();

    assertThatThrownBy(
            () ->
                fetcher(address, connections)
                    .fetch(URI.create("http://feed.example/rss"), null, null))
        .isInstanceOf(UnsafeInputException.class)
        .hasMessage("cdn.example resolves to the non-public address " + address.getHostAddress());
    assertThat(connections.asked).containsExactly("http://feed.example/rss at 93.184.216.34");
  }

  @ParameterizedTest
  @MethodSource("publicNeighbours")
  void theAddressesJustOutsideEachRangeAreFetchedThroughTheRedirect(InetAddress address)
      throws Exception {
    var connections = new Connections();

    Fetched fetched =
        fetcher(address, connections).fetch(URI.create("http://feed.example/rss"), null, null);

    assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
    assertThat(connections.asked)
        .containsExactly(
            "http://feed.example/rss at 93.184.216.34",
            "http://cdn.example/rss at " + address.getHostAddress());
  }

  @ParameterizedTest
  @MethodSource("nonPublic")
  void allowingPrivateNetworksLiftsTheAddressRuleOnly(InetAddress address) throws Exception {
    var connections = new Connections();
    var policy = FetchPolicy.publicHosts(Set.of("cdn.example"));
    var fetcher =
        new SafeFetcher(
            new FetchPolicy(
                policy.allowedHosts(),
                policy.maxBytes(),
                policy.timeout(),
                policy.maxRedirects(),
                true),
            name -> new InetAddress[] {address},
            connections);

    fetcher.fetch(URI.create("http://cdn.example/rss"), null, null);

    assertThat(connections.asked)
        .containsExactly("http://cdn.example/rss at " + address.getHostAddress());
    assertThatThrownBy(() -> fetcher.check(URI.create("http://other.example/rss")))
        .hasMessage("host other.example is not a configured source host");
  }
}
