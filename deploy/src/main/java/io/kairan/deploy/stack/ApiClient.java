package io.kairan.deploy.stack;

import io.kairan.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the Kairan API as an app would, with a bearer token and JSON bodies. */
public final class ApiClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public ApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  public HttpResponse<String> post(String path, String token, Object body)
      throws IOException, InterruptedException {
    return send(request(path, token).POST(json(body)));
  }

  public HttpResponse<String> put(String path, String token, Object body)
      throws IOException, InterruptedException {
    return send(request(path, token).PUT(json(body)));
  }

  /** A call with extra headers, given as name, value, name, value… (If-Match, Idempotency-Key). */
  public HttpResponse<String> send(
      String method, String path, String token, Object body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path, token).method(method, json(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public HttpResponse<String> delete(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).DELETE());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json");
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
