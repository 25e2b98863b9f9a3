package io.kairan.ingest.safety;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches feeds the way a hostile feed cannot abuse: only configured hosts, never private,
 * loopback, link-local, unique-local or IPv4-mapped addresses (cloud metadata at 169.254.169.254
 * included), each name resolved once and the connection made to the very address checked (no
 * DNS-rebinding window), every redirect checked again, bodies capped, conditional GET with ETag and
 * Last-Modified.
 */
public final class SafeFetcher {
  /** Name resolution, replaceable in tests; production asks the system resolver. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** One GET to an address already checked: {@link PinnedHttp}, replaceable in tests. */
  interface Transport {
    PinnedHttp.Answer get(
        URI uri, InetAddress address, Map<String, String> headers, Duration timeout, long maxBytes)
        throws IOException, UnsafeInputException;
  }

  private final FetchPolicy policy;
  private final Resolver resolver;
  private final Transport transport;

  public SafeFetcher(FetchPolicy policy) {
    this(policy, InetAddress::getAllByName);
  }

  public SafeFetcher(FetchPolicy policy, Resolver resolver) {
    this(policy, resolver, PinnedHttp::get);
  }

  SafeFetcher(FetchPolicy policy, Resolver resolver, Transport transport) {
    this.policy = policy;
    this.resolver = resolver;
    this.transport = transport;
  }

  public Fetched fetch(URI uri, String etag, String lastModified)
      throws UnsafeInputException, IOException, InterruptedException {
    URI current = uri;
    for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
      InetAddress address = check(current);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("User-Agent", "Kairan-ingest/1");
      if (etag != null) {
        headers.put("If-None-Match", etag);
      }
      if (lastModified != null) {
        headers.put("If-Modified-Since", lastModified);
      }
      PinnedHttp.Answer response =
          transport.get(current, address, headers, policy.timeout(), policy.maxBytes());
      int status = response.status();
      if (status >= 300 && status < 400 && status != 304) {
        String location = response.headers().get("location");
        if (location == null) {
          throw new UnsafeInputException("redirect without Location from " + uri);
        }
        current = current.resolve(location);
        continue;
      }
      if (status == 304) {
        return new Fetched(304, null, etag, lastModified);
      }
      if (status != 200) {
        throw new IOException("GET " + current + " answered " + status);
      }
      return new Fetched(
          200,
          response.body(),
          response.headers().get("etag"),
          response.headers().get("last-modified"));
    }
    throw new UnsafeInputException("more than " + policy.maxRedirects() + " redirects from " + uri);
  }

  /**
   * Refuses a URL whose scheme, host or any resolved address the policy does not allow; returns the
   * address to connect to, so the connection goes exactly where the check looked.
   */
  public InetAddress check(URI uri) throws UnsafeInputException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new UnsafeInputException("only http(s) URLs are fetched, not " + uri);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!policy.allowedHosts().contains(host)) {
      throw new UnsafeInputException("host " + host + " is not a configured source host");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new UnsafeInputException("cannot resolve " + host, e);
    }
    if (addresses.length == 0) {
      throw new UnsafeInputException("cannot resolve " + host);
    }
    // Every address is checked, not only the one used: a name that also points inside is refused.
    for (InetAddress address : addresses) {
      if (!policy.allowPrivateNetworks() && isPrivate(address)) {
        throw new UnsafeInputException(
            host + " resolves to the non-public address " + address.getHostAddress());
      }
    }
    return addresses[0];
  }

  static boolean isPrivate(InetAddress a) {
    byte[] b = a.getAddress();
    boolean carrierGradeNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    boolean thisNetwork = b.length == 4 && b[0] == 0;
    boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    return a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()
        || carrierGradeNat
        || thisNetwork
        || uniqueLocalV6
        || embedsIpv4(b);
  }

  /**
   * ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible) reach an IPv4 host the IPv4 rules
   * would have to judge again; no public feed needs them, so they are refused outright.
   */
  private static boolean embedsIpv4(byte[] b) {
    if (b.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0;
    return mapped || compatible;
  }
}
