package io.kairan.push.fcmlocal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kairan.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks the FCM HTTP v1 send endpoint and the topic subscription APIs on loopback. Tokens can be
 * told to fail with any FCM error (and a Retry-After); everything else succeeds and is recorded for
 * tests to inspect.
 */
public final class LocalFcmServer implements AutoCloseable {
  private static final Pattern SEND_PATH = Pattern.compile("/v1/projects/([^/]+)/messages:send");
  private static final Pattern IID_PATH = Pattern.compile("/iid/v1:(batchAdd|batchRemove)");

  /** The topic subscription API the Admin SDK 9.x uses, one token per request. */
  private static final Pattern SUBSCRIPTION_PATH =
      Pattern.compile("/v1/projects/[^/]+/registrations/([^/]+)/topicSubscriptions(?:/([^/?]+))?");

  private static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, java.util.Set<String>> topics = new ConcurrentHashMap<>();
  private final List<TopicMessage> topicMessages = new CopyOnWriteArrayList<>();

  /** A message sent to a topic, and how many subscribed devices FCM would fan it out to. */
  public record TopicMessage(
      String messageId, String topic, String title, Map<String, String> data, int subscribers) {}

  private volatile java.time.Duration delay = java.time.Duration.ZERO;

  /**
   * @param times how many more sends fail; negative for always
   */
  private record Failure(FcmError error, Integer retryAfterSeconds, int times) {}

  private LocalFcmServer(HttpServer server) {
    this.server = server;
  }

  /** Starts on loopback; port 0 picks a free one. */
  public static LocalFcmServer start(int port) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    LocalFcmServer fcm = new LocalFcmServer(http);
    http.createContext("/", fcm::handle);
    http.setExecutor(Executors.newFixedThreadPool(8));
    http.start();
    return fcm;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<ReceivedMessage> received() {
    return List.copyOf(received);
  }

  public List<TopicMessage> topicMessages() {
    return List.copyOf(topicMessages);
  }

  public java.util.Set<String> subscribers(String topic) {
    return java.util.Set.copyOf(topics.getOrDefault(topic, java.util.Set.of()));
  }

  public void clear() {
    received.clear();
    topicMessages.clear();
    failures.clear();
  }

  /** Every send to this token answers the error. */
  public void failToken(String token, FcmError error) {
    failures.put(token, new Failure(error, null, -1));
  }

  /** Every send to this token answers the error with a Retry-After header. */
  public void failToken(String token, FcmError error, int retryAfterSeconds) {
    failures.put(token, new Failure(error, retryAfterSeconds, -1));
  }

  /** The next {@code times} sends to this token answer the error (with Retry-After if not null). */
  public void failTokenTimes(String token, FcmError error, Integer retryAfterSeconds, int times) {
    failures.put(token, new Failure(error, retryAfterSeconds, times));
  }

  /** Every request waits this long first, as a loaded FCM would. */
  public void delayEachRequest(java.time.Duration delay) {
    this.delay = delay;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher iid = IID_PATH.matcher(exchange.getRequestURI().getPath());
      if ("POST".equals(exchange.getRequestMethod()) && iid.matches()) {
        subscriptions(exchange, iid.group(1).equals("batchAdd"));
        return;
      }
      Matcher subscription = SUBSCRIPTION_PATH.matcher(exchange.getRequestURI().getPath());
      if (subscription.matches()) {
        String query =
            exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        String topic =
            subscription.group(2) != null
                ? subscription.group(2)
                : query.replaceFirst(".*topic_name=([^&]+).*", "$1");
        String token = subscription.group(1);
        if ("DELETE".equals(exchange.getRequestMethod())) {
          topics.getOrDefault(topic, java.util.Set.of()).remove(token);
        } else {
          topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(token);
        }
        respond(exchange, 200, "{}");
        return;
      }
      Matcher path = SEND_PATH.matcher(exchange.getRequestURI().getPath());
      if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
        error(exchange, FcmError.UNSPECIFIED_ERROR, 404, "NOT_FOUND", "no such endpoint", null);
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("Bearer ")) {
        error(
            exchange,
            FcmError.THIRD_PARTY_AUTH_ERROR,
            401,
            "UNAUTHENTICATED",
            "missing bearer token",
            null);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        error(
            exchange, FcmError.INVALID_ARGUMENT, 400, "INVALID_ARGUMENT", "message too big", null);
        return;
      }
      JsonNode message = Json.mapper().readTree(body).path("message");
      String token = message.path("token").asText(null);
      if (token == null && message.path("topic").isMissingNode()) {
        error(
            exchange,
            FcmError.INVALID_ARGUMENT,
            400,
            "INVALID_ARGUMENT",
            "a message needs a token or a topic",
            null);
        return;
      }
      Failure failure =
          token == null
              ? null
              : failures.computeIfPresent(token, (t, f) -> f.times() == 0 ? null : f);
      if (failure != null && failure.times() > 0) {
        failures.put(
            token, new Failure(failure.error(), failure.retryAfterSeconds(), failure.times() - 1));
      }
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failure != null) {
        error(
            exchange,
            failure.error(),
            failure.error().httpStatus,
            failure.error().status,
            "told to fail",
            failure.retryAfterSeconds());
        return;
      }
      String id = "projects/" + path.group(1) + "/messages/" + ids.incrementAndGet();
      if (token == null) {
        String topic = message.path("topic").asText();
        Map<String, String> topicData = data(message);
        topicMessages.add(
            new TopicMessage(
                id,
                topic,
                message.path("notification").path("title").asText(null),
                topicData,
                subscribers(topic).size()));
        respond(exchange, 200, "{\"name\":\"" + id + "\"}");
        return;
      }
      Map<String, String> data = data(message);
      received.add(
          new ReceivedMessage(
              id,
              token,
              message.path("notification").path("title").asText(null),
              data,
              message.toString()));
      respond(exchange, 200, "{\"name\":\"" + id + "\"}");
    }
  }

  /** A message's data map; absent data is an empty map. */
  private static Map<String, String> data(JsonNode message) {
    Map<String, String> data =
        Json.mapper()
            .convertValue(
                message.path("data"),
                Json.mapper()
                    .getTypeFactory()
                    .constructMapType(Map.class, String.class, String.class));
    return data == null ? Map.of() : data;
  }

  /**
   * The Instance ID API's batchAdd / batchRemove: {"to": "/topics/x", "registration_tokens":
   * [...]}.
   */
  private void subscriptions(HttpExchange exchange, boolean add) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = Json.mapper().readTree(in.readNBytes(MAX_BODY * 16));
    }
    String topic = body.path("to").asText().replaceFirst("^/topics/", "");
    JsonNode tokens = body.path("registration_tokens");
    java.util.Set<String> subscribed =
        topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet());
    StringBuilder results = new StringBuilder("{\"results\":[");
    for (int i = 0; i < tokens.size(); i++) {
      if (add) {
        subscribed.add(tokens.get(i).asText());
      } else {
        subscribed.remove(tokens.get(i).asText());
      }
      results.append(i == 0 ? "{}" : ",{}");
    }
    respond(exchange, 200, results.append("]}").toString());
  }

  private static void error(
      HttpExchange exchange,
      FcmError code,
      int httpStatus,
      String status,
      String message,
      Integer retryAfter)
      throws IOException {
    if (retryAfter != null) {
      exchange.getResponseHeaders().add("Retry-After", retryAfter.toString());
    }
    String body =
        """
        {"error":{"code":%d,"message":"%s","status":"%s","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]}}"""
            .formatted(httpStatus, message, status, code.name());
    respond(exchange, httpStatus, body);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
