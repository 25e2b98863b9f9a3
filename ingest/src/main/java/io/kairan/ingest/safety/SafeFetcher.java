package io.kairan.ingest.safety;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Fetches feeds the way a hostile feed cannot abuse: only configured hosts, never private, loopback
 * or link-local addresses (cloud metadata at 169.254.169.254 included), every redirect checked
 * again, bodies capped, conditional GET with ETag and Last-Modified.
 */
public final class SafeFetcher {
  private final FetchPolicy policy;
  private final HttpClient http;

  public SafeFetcher(FetchPolicy policy) {
    this.policy = policy;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(policy.timeout())
            .build();
  }

  public Fetched fetch(URI uri, String etag, String lastModified)
      throws UnsafeInputException, IOException, InterruptedException {
    URI current = uri;
    for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
      check(current);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .timeout(policy.timeout())
              .header("User-Agent", "Kairan-ingest/1");
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        String location =
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(
                    () -> new UnsafeInputException("redirect without Location from " + uri));
        response.body().close();
        current = current.resolve(location);
        continue;
      }
      try (InputStream body = response.body()) {
        if (status == 304) {
          return new Fetched(304, null, etag, lastModified);
        }
        if (status != 200) {
          throw new IOException("GET " + current + " answered " + status);
        }
        return new Fetched(
            200,
            readCapped(body),
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null));
      }
    }
    throw new UnsafeInputException("more than " + policy.maxRedirects() + " redirects from " + uri);
  }

  /** Refuses a URL whose scheme, host or any resolved address the policy does not allow. */
  public void check(URI uri) throws UnsafeInputException {
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
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new UnsafeInputException("cannot resolve " + host, e);
    }
    for (InetAddress address : addresses) {
      if (!policy.allowPrivateNetworks() && isPrivate(address)) {
        throw new UnsafeInputException(
            host + " resolves to the non-public address " + address.getHostAddress());
      }
    }
  }

  static boolean isPrivate(InetAddress a) {
    byte[] b = a.getAddress();
    boolean carrierGradeNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    return a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()
        || carrierGradeNat
        || uniqueLocalV6;
  }

  private byte[] readCapped(InputStream in) throws IOException, UnsafeInputException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > policy.maxBytes()) {
        throw new UnsafeInputException("response larger than " + policy.maxBytes() + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
