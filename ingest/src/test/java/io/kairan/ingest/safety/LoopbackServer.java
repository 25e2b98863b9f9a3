package io.kairan.ingest.safety;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** A JDK HTTP server on loopback answering one path, for fetch tests; closing stops it. */
record LoopbackServer(HttpServer server) implements AutoCloseable {
  static LoopbackServer serving(String path, HttpHandler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path, handler);
    server.start();
    return new LoopbackServer(server);
  }

  /** A fetcher for the loopback server: private networks allowed, 127.0.0.1 the only host. */
  static SafeFetcher fetcher(long maxBytes) {
    return new SafeFetcher(
        new FetchPolicy(Set.of("127.0.0.1"), maxBytes, Duration.ofSeconds(5), 3, true));
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
