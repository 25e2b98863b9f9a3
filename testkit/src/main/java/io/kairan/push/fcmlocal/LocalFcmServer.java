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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks the FCM HTTP v1 send endpoint and the topic subscription APIs on loopback. Tokens can be
 * told to fail with any FCM error (and a Retry-After); everything else succeeds and is recorded for
 * tests to inspect. {@code GET /requests} lists the last sends and their answers for people. It can
 * answer each send a set time after it arrived (FCM's round trip) without holding a worker thread
 * meanwhile, so a thousand and more sends can wait for their answers at once.
 */
public final class LocalFcmServer implements AutoCloseable {
  private static final Pattern SEND_PATH = Pattern.compile("/v1/projects/([^/]+)/messages:send");
  private static final Pattern IID_PATH = Pattern.compile("/iid/v1:(batchAdd|batchRemove)");

  /** The topic subscription API the Admin SDK 9.x uses, one token per request. */
  private static final Pattern SUBSCRIPTION_PATH =
      Pattern.compile("/v1/projects/[^/]+/registrations/([^/]+)/topicSubscriptions(?:/([^/?]+))?");

  private static final int MAX_BODY = 64 * 1024;

  /** Enough for the demo city's pushes several times over, a few MB at most. */
  public static final int DEFAULT_LOGGED_REQUESTS = 10_000;

  private final HttpServer server;
  // Synchronized lists, not copy-on-write: a benchmark adds 100,000 and more.
  private final List<ReceivedMessage> received = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Set<String>> topics = new ConcurrentHashMap<>();
  private final List<TopicMessage> topicMessages = Collections.synchronizedList(new ArrayList<>());
  private final SendTraffic traffic = new SendTraffic();

  /** Writes delayed answers; writing one takes microseconds, so one thread serves thousands. */
  private final ScheduledExecutorService answers =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "local-fcm-answers");
            thread.setDaemon(true);
            return thread;
          });

  /** Answers kept back while {@link #holdAnswers()} is in force; guarded by itself. */
  private final List<Runnable> held = new ArrayList<>();

  private boolean holding;

  /**
   * A message sent to a topic, and how many subscribed devices FCM would fan it out to.
   *
   * @param json the message as the SDK sent it
   */
  public record TopicMessage(
      String messageId,
      String topic,
      String title,
      Map<String, String> data,
      int subscribers,
      String json) {}

  private volatile Duration delay = Duration.ZERO;
  private volatile Duration answerTime = Duration.ZERO;

  /**
   * @param times how many more sends fail; negative for always
   */
  private record Failure(FcmError error, Integer retryAfterSeconds, int times) {}

  private final RequestLog requests;
  private final Clock clock = Clock.systemUTC();

  private LocalFcmServer(HttpServer server, int loggedRequests) {
    this.server = server;
    this.requests = new RequestLog(loggedRequests);
  }

  /** Starts on loopback; port 0 picks a free one. */
  public static LocalFcmServer start(int port) throws IOException {
    return start(port, DEFAULT_LOGGED_REQUESTS);
  }

  /** Starts on loopback, listing at most the last {@code loggedRequests} sends. */
  public static LocalFcmServer start(int port, int loggedRequests) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    LocalFcmServer fcm = new LocalFcmServer(http, loggedRequests);
    http.createContext("/", fcm::handle);
    http.setExecutor(Executors.newFixedThreadPool(8));
    http.start();
    return fcm;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Where people read what this server received: {@code GET /requests?token=&topic=&limit=}. */
  public String requestsUrl() {
    return endpoint() + "/requests";
  }

  public List<ReceivedMessage> received() {
    return List.copyOf(received);
  }

  /** How many messages to devices it has accepted, without copying them. */
  public int receivedCount() {
    return received.size();
  }

  /**
   * Every send to this token the server answered, failed ones included, newest first (as far back
   * as the request log reaches).
   */
  public List<LoggedRequest> requestsTo(String token) {
    return requests.newest(r -> token.equals(r.token()), requests.capacity());
  }

  public List<TopicMessage> topicMessages() {
    return List.copyOf(topicMessages);
  }

  public Set<String> subscribers(String topic) {
    return Set.copyOf(topics.getOrDefault(topic, Set.of()));
  }

  public void clear() {
    traffic.clear();
    received.clear();
    topicMessages.clear();
    requests.clear();
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

  /**
   * Every send holds one of the server's 8 workers this long before it is decided, as an overloaded
   * FCM that answers few at a time would: at most 8 sends are served at once.
   */
  public void delayEachRequest(Duration delay) {
    this.delay = delay;
  }

  /**
   * Every send is answered this long after it arrived, however many are waiting, as FCM's round
   * trip would be. No worker waits meanwhile: one scheduler thread writes the answers when due.
   */
  public void answerAfter(Duration answerTime) {
    if (answerTime.isNegative()) {
      throw new IllegalArgumentException("answer time must not be negative, was " + answerTime);
    }
    this.answerTime = answerTime;
  }

  /**
   * Sends are received, decided and recorded as usual, but their answers are kept back until {@link
   * #releaseAnswers()}: a test sees how many sends a client keeps waiting at once.
   */
  public void holdAnswers() {
    synchronized (held) {
      holding = true;
    }
  }

  /** Answers every send kept back, and answers the next ones as usual. */
  public void releaseAnswers() {
    List<Runnable> due;
    synchronized (held) {
      holding = false;
      due = List.copyOf(held);
      held.clear();
    }
    due.forEach(answers::execute);
  }

  /** When sends arrived and how many waited for their answers at once. */
  public SendTraffic traffic() {
    return traffic;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Matcher sendPath = SEND_PATH.matcher(path);
    if ("POST".equals(exchange.getRequestMethod()) && sendPath.matches()) {
      handleSend(exchange, sendPath.group(1)); // answers now or later, and closes the exchange
      return;
    }
    try (exchange) {
      if ("GET".equals(exchange.getRequestMethod()) && path.equals("/requests")) {
        listRequests(exchange);
        return;
      }
      Matcher iid = IID_PATH.matcher(path);
      if ("POST".equals(exchange.getRequestMethod()) && iid.matches()) {
        subscriptions(exchange, iid.group(1).equals("batchAdd"));
        return;
      }
      Matcher subscription = SUBSCRIPTION_PATH.matcher(path);
      if (subscription.matches()) {
        subscription(exchange, subscription);
        return;
      }
      write(
          exchange,
          Answer.failed(FcmError.UNSPECIFIED_ERROR, 404, "NOT_FOUND", "no such endpoint"));
    }
  }

  /** A {@code messages:send}: decided and recorded at once, answered when its answer time is up. */
  private void handleSend(HttpExchange exchange, String project) throws IOException {
    long arrived = System.nanoTime();
    traffic.arrived(arrived);
    Answer answer;
    try {
      answer = decide(exchange, project);
    } catch (IOException | RuntimeException e) {
      traffic.answered();
      exchange.close();
      throw e;
    }
    Runnable reply = () -> answer(exchange, answer);
    synchronized (held) {
      if (holding) {
        held.add(reply);
        return;
      }
    }
    long wait = arrived + answerTime.toNanos() - System.nanoTime();
    if (wait > 0) {
      answers.schedule(reply, wait, TimeUnit.NANOSECONDS);
    } else {
      reply.run();
    }
  }

  private Answer decide(HttpExchange exchange, String project) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return Answer.failed(FcmError.THIRD_PARTY_AUTH_ERROR, "missing bearer token", null);
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      return Answer.failed(FcmError.INVALID_ARGUMENT, "message too big", null);
    }
    JsonNode message = Json.mapper().readTree(body).path("message");
    Answer answer = send(project, message);
    requests.add(LoggedRequest.of(clock.instant(), message, answer));
    return answer;
  }

  private void answer(HttpExchange exchange, Answer answer) {
    // Counted out before the client can read the answer and send the next request, so the count
    // here never exceeds the client's own.
    traffic.answered();
    try (exchange) {
      write(exchange, answer);
    } catch (IOException clientGone) {
      // The client stopped waiting (timeout, shutdown); nothing is left to tell it.
    }
  }

  /** Decides the answer to one message and records what succeeded. */
  private Answer send(String project, JsonNode message) {
    String token = message.path("token").asText(null);
    if (token == null && message.path("topic").isMissingNode()) {
      return Answer.failed(FcmError.INVALID_ARGUMENT, "a message needs a token or a topic", null);
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
      return Answer.failed(failure.error(), "told to fail", failure.retryAfterSeconds());
    }
    String id = "projects/" + project + "/messages/" + ids.incrementAndGet();
    String title = message.path("notification").path("title").asText(null);
    if (token == null) {
      String topic = message.path("topic").asText();
      topicMessages.add(
          new TopicMessage(
              id, topic, title, data(message), subscribers(topic).size(), message.toString()));
    } else {
      received.add(new ReceivedMessage(id, token, title, data(message), message.toString()));
    }
    return Answer.sent(id);
  }

  /** The per-token subscription API: POST subscribes, DELETE unsubscribes. */
  private void subscription(HttpExchange exchange, Matcher subscription) throws IOException {
    String query =
        exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
    String topic =
        subscription.group(2) != null
            ? subscription.group(2)
            : query.replaceFirst(".*topic_name=([^&]+).*", "$1");
    String token = subscription.group(1);
    if ("DELETE".equals(exchange.getRequestMethod())) {
      topics.getOrDefault(topic, Set.of()).remove(token);
    } else {
      topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(token);
    }
    respond(exchange, 200, "{}");
  }

  /** GET /requests?token=&topic=&limit=: what was received, newest first, as a JSON array. */
  private void listRequests(HttpExchange exchange) throws IOException {
    RequestQuery query;
    try {
      query = RequestQuery.parse(exchange.getRequestURI().getRawQuery(), requests.capacity());
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, Json.write(Map.of("error", e.getMessage())));
      return;
    }
    respond(exchange, 200, Json.write(requests.newest(query::matches, query.limit())));
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
    Set<String> subscribed = topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet());
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

  private static void write(HttpExchange exchange, Answer answer) throws IOException {
    if (answer.retryAfterSeconds() != null) {
      exchange.getResponseHeaders().add("Retry-After", answer.retryAfterSeconds().toString());
    }
    respond(exchange, answer.httpStatus(), answer.body());
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
    answers.shutdownNow();
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
