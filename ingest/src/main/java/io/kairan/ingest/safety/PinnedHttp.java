package io.kairan.ingest.safety;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET to an address resolved and checked beforehand, never resolving the name again: a
 * DNS answer that changes between the check and the connection (DNS rebinding) cannot move the
 * request to another host. The name still goes in the Host header and, for https, in SNI and the
 * certificate check (JDK HttpClient cannot be given the address, hence this small client).
 */
final class PinnedHttp {
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  /** A response; header names are lower case. */
  record Answer(int status, Map<String, String> headers, byte[] body) {}

  private PinnedHttp() {}

  static Answer get(
      URI uri, InetAddress address, Map<String, String> headers, Duration timeout, long maxBytes)
      throws IOException, UnsafeInputException {
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    String host = uri.getHost();
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    long deadline = System.nanoTime() + timeout.toNanos();
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
    try (Socket socket = https ? tls(plain, host, port) : plain) {
      socket.setSoTimeout((int) timeout.toMillis());
      StringBuilder request = new StringBuilder();
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      request.append("GET ").append(path);
      if (uri.getRawQuery() != null) {
        request.append('?').append(uri.getRawQuery());
      }
      request.append(" HTTP/1.1\r\nHost: ").append(host);
      if (uri.getPort() != -1) {
        request.append(':').append(port);
      }
      request.append("\r\nConnection: close\r\nAccept-Encoding: identity\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()), maxBytes, deadline);
    }
  }

  private static Socket tls(Socket plain, String host, int port) throws IOException {
    SSLSocket ssl =
        (SSLSocket)
            ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    // The certificate must be for the name, though the socket went to the checked address.
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!host.startsWith("[") && !host.matches("[\\d.]+")) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }

  private static Answer read(InputStream in, long maxBytes, long deadline)
      throws IOException, UnsafeInputException {
    String statusLine = line(in, deadline);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new HashMap<>();
    int headerBytes = 0;
    for (String line; !(line = line(in, deadline)).isEmpty(); ) {
      headerBytes += line.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new UnsafeInputException("response headers larger than " + MAX_HEADER_BYTES);
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
    if (status == 304 || status == 204 || status / 100 == 1) {
      return new Answer(status, headers, new byte[0]);
    }
    Capped body = new Capped(maxBytes, deadline);
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      for (long size; (size = Long.parseLong(line(in, deadline).split(";")[0].strip(), 16)) > 0; ) {
        body.copy(in, size);
        line(in, deadline);
      }
    } else if (headers.containsKey("content-length")) {
      body.copy(in, Long.parseLong(headers.get("content-length")));
    } else {
      body.copy(in, Long.MAX_VALUE);
    }
    return new Answer(status, headers, body.bytes());
  }

  private static String line(InputStream in, long deadline)
      throws IOException, UnsafeInputException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c == -1) {
        throw new IOException("connection closed in the middle of the response");
      }
      if (line.length() > MAX_HEADER_BYTES || System.nanoTime() > deadline) {
        throw new UnsafeInputException("response line too long or too slow");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** A body that refuses to grow past the cap or to arrive after the deadline. */
  private static final class Capped {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final long maxBytes;
    private final long deadline;

    Capped(long maxBytes, long deadline) {
      this.maxBytes = maxBytes;
      this.deadline = deadline;
    }

    /** Copies up to n bytes (to the end of the stream when n is Long.MAX_VALUE). */
    void copy(InputStream in, long n) throws IOException, UnsafeInputException {
      byte[] buffer = new byte[8192];
      long left = n;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read == -1) {
          if (n == Long.MAX_VALUE) {
            return;
          }
          throw new IOException("the body ended early");
        }
        if (out.size() + read > maxBytes) {
          throw new UnsafeInputException("response larger than " + maxBytes + " bytes");
        }
        if (System.nanoTime() > deadline) {
          throw new UnsafeInputException("response slower than the timeout");
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
