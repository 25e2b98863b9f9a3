package io.kairan.deploy;

import io.kairan.api.KairanApiApplication;
import io.kairan.deploy.stack.Ports;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.testkit.tokens.LocalIdentityProvider;
import io.kairan.testkit.tokens.TokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One API instance on a free port, against a real broker and the given Elasticsearch address, on a
 * fixed clock that its tokens share, checking tokens against an identity provider's JWKS of its
 * own. Started as the local stack starts it.
 */
final class ApiInstance implements AutoCloseable {
  static final String ISSUER = "kairan-it";
  static final String AUDIENCE = "kairan-api";
  final ConfigurableApplicationContext context;
  final String baseUrl;
  final TokenIssuer tokens;
  private final LocalIdentityProvider identity;
  private final HttpClient http = HttpClient.newHttpClient();

  private ApiInstance(
      ConfigurableApplicationContext context,
      int port,
      LocalIdentityProvider identity,
      Clock clock) {
    this.context = context;
    this.baseUrl = "http://127.0.0.1:" + port;
    this.identity = identity;
    this.tokens = identity.tokens(clock);
  }

  /** Returns once the API has read notices.v1 to its end (its start waits for that). */
  static ApiInstance start(String bootstrapServers, String elasticsearchUrl, Clock clock)
      throws IOException {
    int port = Ports.free();
    LocalIdentityProvider identity = LocalIdentityProvider.start(ISSUER, AUDIENCE);
    try {
      ConfigurableApplicationContext context =
          KairanApiApplication.builder()
              .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
              .run(
                  "--spring.main.banner-mode=off",
                  "--server.port=" + port,
                  "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                  "--kairan.elasticsearch.url=" + elasticsearchUrl,
                  "--kairan.security.jwks-uri=" + identity.jwksUri(),
                  "--kairan.security.issuer=" + ISSUER,
                  "--kairan.security.audience=" + AUDIENCE);
      return new ApiInstance(context, port, identity, clock);
    } catch (RuntimeException e) {
      identity.close();
      throw e;
    }
  }

  /** A request with a bearer token, a JSON body (or none) and extra headers as name, value, … */
  HttpResponse<String> send(
      String method, String path, String token, String body, String... headers)
      throws IOException, InterruptedException {
    var request = json(baseUrl + path, method, body).header("Authorization", "Bearer " + token);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request to any URL with a JSON body, or none. */
  static HttpRequest.Builder json(String url, String method, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
  }

  /** The notice a response carries. */
  static Notice noticeIn(HttpResponse<String> response) {
    return Json.read(response.body(), Notice.class);
  }

  String publisher(String id) {
    return tokens.publisher(id, "会津若松市 " + id, "DEPARTMENT", "072028");
  }

  @Override
  public void close() {
    context.close();
    identity.close();
  }
}
