package io.kairan.api.health;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Answers GET /jobs/overview as Flink's REST API does, with the jobs it is given. */
final class FakeFlink implements AutoCloseable {
  private final HttpServer server;
  private final CountDownLatch closing;

  private FakeFlink(HttpServer server, CountDownLatch closing) {
    this.server = server;
    this.closing = closing;
  }

  /** Jobs as (name, state, start time) triples. */
  static FakeFlink withJobs(Object... nameStateStart) {
    var jobs = new StringBuilder();
    for (int i = 0; i < nameStateStart.length; i += 3) {
      jobs.append(jobs.isEmpty() ? "" : ",")
          .append(
              """
              {"jid":"%032x","name":"%s","start-time":%d,"end-time":-1,"duration":1000,
               "state":"%s","last-modification":%3$d,"tasks":{"running":4,"total":4}}"""
                  .formatted(i, nameStateStart[i], nameStateStart[i + 2], nameStateStart[i + 1]));
    }
    return answering("{\"jobs\":[" + jobs + "]}", Duration.ZERO);
  }

  /** A Flink that takes its time before answering. */
  static FakeFlink answering(String body, Duration delay) {
    try {
      var closing = new CountDownLatch(1);
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/jobs/overview",
          exchange -> {
            try {
              closing.await(delay.toMillis(), TimeUnit.MILLISECONDS); // or until closed
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      return new FakeFlink(server, closing);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
