package io.kairan.deploy.bench;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import io.kairan.deploy.cli.Tool;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.push.fcm.FcmSettings;
import io.kairan.push.fcm.FirebaseConfig;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.push.fcmlocal.SendTraffic;
import io.kairan.push.send.FcmSender;
import io.kairan.push.send.PushMetrics;
import io.kairan.push.send.RateLimiter;
import io.kairan.push.send.RetryPolicy;
import io.kairan.push.send.Sleeper;
import io.kairan.push.topic.DistrictTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * An emergency to N devices through the local FCM-compatible server, with FCM's answer time
 * simulated: device by device at answer time 0 (this machine's ceiling) and at {@code --answer-ms}
 * (FCM's round trip), as the dispatcher sends it (chunks of 500, one after another), with the SDK's
 * default 100 threads, as district topic messages, and in two stages through the service's
 * dispatcher ({@link TwoStageRun}). The server's own record of when each send arrived and how many
 * waited at once is the reference for pace and concurrency. Usage: deploy/bench-push.sh [--devices
 * 100000] [--answer-ms 75] [--json FILE].
 */
@Command(
    name = "deploy/bench-push.sh",
    description =
        "An emergency to N devices through the local FCM server answering after a set time:"
            + " per device vs topics, against the FCM quota's pace.",
    sortOptions = false)
public final class PushBenchmark implements Callable<Integer> {
  /** The SDK's own default thread pool (firebase-admin 9.11): at most this many sends at once. */
  private static final int SDK_DEFAULT_THREADS = 100;

  @Option(
      names = "--devices",
      paramLabel = "N",
      defaultValue = "100000",
      description = "devices to push to, at least 500 (default: ${DEFAULT-VALUE})")
  int devices;

  @Option(
      names = "--districts",
      paramLabel = "N",
      defaultValue = "30",
      description = "district topics the devices are spread over (default: ${DEFAULT-VALUE})")
  int districts;

  @Option(
      names = "--answer-ms",
      paramLabel = "MS",
      defaultValue = "75",
      description =
          "how long the local FCM server takes to answer each send, as FCM's round trip"
              + " (default: ${DEFAULT-VALUE})")
  int answerMs;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      description = "sends the sender keeps waiting for answers at once (default: the service's)")
  Long maxInFlight;

  @Option(
      names = "--scaled-quota",
      paramLabel = "PER_MINUTE",
      defaultValue = "60000",
      description =
          "a quota this machine can outrun, to show the rate limit holding its pace: 10 s worth"
              + " is sent at --answer-ms (default: ${DEFAULT-VALUE}, 1,000 a second)")
  long scaledQuota;

  @Mixin BenchOptions options;

  @Mixin Tool.Help help;

  /** One way of sending, measured on the client and at the server. */
  private record Run(
      String route,
      int answerMs,
      int requests,
      double seconds,
      double arrivalSpanSeconds,
      int maxInOneSecond,
      int senderPeakInFlight,
      int serverPeakInFlight) {
    double perSecond() {
      return requests / seconds;
    }
  }

  public static void main(String[] args) {
    Tool.main(new PushBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    // The warm-up sends one full batch; every district needs a device.
    if (devices < FcmSender.MAX_BATCH) {
      throw new Tool.UsageException("--devices takes at least " + FcmSender.MAX_BATCH);
    }
    Tool.positive("--districts", districts);
    Tool.positive("--scaled-quota", scaledQuota);
    if (answerMs < 0) {
      throw new Tool.UsageException("--answer-ms takes 0 or more, not " + answerMs);
    }
    int inFlight =
        (int) Tool.positive("--max-in-flight", maxInFlight, FcmSettings.DEFAULT_MAX_IN_FLIGHT);
    keepConnectionsOpen(inFlight);
    long quota = FcmSettings.DEFAULT_PER_MINUTE;
    double perSecond = quota / 60.0;
    String loadBefore = loadAverage();
    try (LocalFcmServer server = LocalFcmServer.start(0)) {
      FirebaseApp app =
          new FirebaseConfig()
              .firebaseApp(new FcmSettings("kairan-bench", server.endpoint(), quota, inFlight));
      try {
        FirebaseMessaging messaging = FirebaseMessaging.getInstance(app);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
          messages.add(emergencyTo("bench-token-" + i));
        }
        // Warm up the SDK, the HTTP connections and the JIT before measuring.
        send(server, messaging, messages.subList(0, 2_000), 0, quota, inFlight, 2_000, "warm-up");

        Run atZero = send(server, messaging, messages, 0, quota, inFlight, devices, "per device");
        Run atAnswer =
            send(server, messaging, messages, answerMs, quota, inFlight, devices, "per device");
        Run chunked =
            send(
                server,
                messaging,
                messages,
                answerMs,
                quota,
                inFlight,
                FcmSender.MAX_BATCH,
                "per device, chunks of 500 one after another (the dispatcher)");
        List<Message> tenth = messages.subList(0, Math.max(FcmSender.MAX_BATCH, devices / 10));
        Run sdkDefault =
            send(
                server,
                messaging,
                tenth,
                answerMs,
                quota,
                SDK_DEFAULT_THREADS,
                tenth.size(),
                "per device, the SDK's default 100 threads");
        double scaledPerSecond = scaledQuota / 60.0;
        List<Message> tenSeconds =
            messages.subList(0, (int) Math.min(devices, Math.round(scaledPerSecond * 10)));
        Run scaled =
            send(
                server,
                messaging,
                tenSeconds,
                answerMs,
                scaledQuota,
                inFlight,
                tenSeconds.size(),
                String.format("per device, quota scaled to %,.0f/s", scaledPerSecond));

        server.answerAfter(Duration.ZERO);
        long t1 = System.nanoTime();
        List<String> topics = new ArrayList<>();
        for (int d = 0; d < districts; d++) {
          topics.add(DistrictTopics.of("072028", "district-" + d, "ja"));
        }
        for (int from = 0; from < devices; from += 1000) {
          List<String> part = new ArrayList<>();
          for (int i = from; i < Math.min(devices, from + 1000); i++) {
            part.add("bench-token-" + i);
          }
          messaging.subscribeToTopic(part, topics.get((from / 1000) % districts));
        }
        double subscribeSeconds = (System.nanoTime() - t1) / 1e9;
        server.answerAfter(Duration.ofMillis(answerMs));
        server.clear();
        long t2 = System.nanoTime();
        sender(messaging, quota, inFlight)
            .send(
                topics.stream()
                    .map(
                        t ->
                            Message.builder()
                                .setTopic(t)
                                .setNotification(Notification.builder().setTitle("避難指示").build())
                                .build())
                    .toList());
        double topicSeconds = (System.nanoTime() - t2) / 1e9;
        int reached =
            server.topicMessages().stream()
                .mapToInt(LocalFcmServer.TopicMessage::subscribers)
                .sum();

        TwoStageRun twoStages =
            TwoStageRun.measure(
                server,
                messaging,
                sender(messaging, quota, inFlight),
                devices,
                districts,
                answerMs);

        double atPace = devices / perSecond;
        double needed = perSecond * answerMs / 1000.0;
        String n = String.format("%,d", devices);
        List<Figure> figures =
            List.of(
                Figure.atMost(
                    "answer 0 ms: time for " + n + " devices", atZero.seconds(), "s", atPace),
                Figure.atMost(
                    "answer " + answerMs + " ms: time for " + n + " devices",
                    atAnswer.seconds(),
                    "s",
                    atPace + answerMs / 1000.0),
                Figure.atMost(
                    "answer " + answerMs + " ms: time / time at answer 0 ms",
                    round(atAnswer.seconds() / atZero.seconds()),
                    "x",
                    1.1),
                Figure.atLeast(
                    "answer " + answerMs + " ms: sender's peak in flight / " + (long) needed,
                    round(atAnswer.senderPeakInFlight() / needed),
                    "x",
                    1.0),
                Figure.atLeast(
                    "answer " + answerMs + " ms: server's peak in flight / " + (long) needed,
                    round(atAnswer.serverPeakInFlight() / needed),
                    "x",
                    1.0),
                Figure.atMost(
                    "answer " + answerMs + " ms: most requests in any 1 s (server)",
                    atAnswer.maxInOneSecond(),
                    "requests",
                    perSecond),
                Figure.atMost(
                    "answer 0 ms: most requests in any 1 s (server)",
                    atZero.maxInOneSecond(),
                    "requests",
                    perSecond),
                Figure.atMost(
                    "answer " + answerMs + " ms, chunks of 500 (dispatcher): time",
                    chunked.seconds(),
                    "s",
                    atPace + answerMs / 1000.0),
                Figure.atLeast(
                    "answer " + answerMs + " ms, SDK's default 100 threads: pace",
                    Math.round(sdkDefault.perSecond()),
                    "msg/s",
                    perSecond),
                Figure.atMost(
                    String.format(
                        "quota scaled to %,.0f/s, answer %d ms: time for %,d",
                        scaledPerSecond, answerMs, scaled.requests()),
                    scaled.seconds(),
                    "s",
                    scaled.requests() / scaledPerSecond + answerMs / 1000.0),
                Figure.atMost(
                    String.format(
                        "quota scaled to %,.0f/s: most in any 1 s (server)", scaledPerSecond),
                    scaled.maxInOneSecond(),
                    "requests",
                    scaledPerSecond),
                Figure.atMost(
                    districts + " district topics: time for " + n + " devices",
                    round(topicSeconds),
                    "s",
                    atPace),
                // Cell broadcast's primary notification goes out within 4 s.
                Figure.atMost(
                    "two stages: to the last stage-one message ("
                        + twoStages.stageOneMessages()
                        + " topics)",
                    round(twoStages.toLastStageOne()),
                    "s",
                    4.0),
                Figure.measured(
                    "two stages: last stage one / " + districts + " district topics alone",
                    round(twoStages.toLastStageOne() / topicSeconds),
                    "x"),
                Figure.atMost(
                    "two stages: to the last stage-two request (" + n + ")",
                    round(twoStages.toLastStageTwo()),
                    "s",
                    atPace + answerMs / 1000.0),
                Figure.measured(
                    "two stages: last stage two / chunks of 500 (dispatcher)",
                    round(twoStages.toLastStageTwo() / chunked.seconds()),
                    "x"));
        String loadAfter = loadAverage();

        System.out.printf(
            "%nEmergency to %,d devices through the local FCM server; FCM quota %,d/min"
                + " (%,.0f/s); sender keeps at most %,d in flight%n",
            devices, quota, perSecond, inFlight);
        System.out.printf(
            "  machine: %d cores shared by client and server; load average %s before, %s after%n",
            Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.printf(
            "%n  %-62s %6s %9s %9s %9s %12s %10s %9s%n",
            "route", "answer", "requests", "time", "msg/s", "max in 1 s", "in flight", "(server)");
        List<Run> runs = List.of(atZero, atAnswer, chunked, sdkDefault, scaled);
        for (Run run : runs) {
          System.out.printf(
              "  %-62s %4dms %,9d %8.2fs %,9.0f %,12d %,10d %,9d%n",
              run.route(),
              run.answerMs(),
              run.requests(),
              run.seconds(),
              run.perSecond(),
              run.maxInOneSecond(),
              run.senderPeakInFlight(),
              run.serverPeakInFlight());
        }
        System.out.printf(
            "  %-62s %4dms %,9d %8.2fs%n",
            districts + " district topics (" + String.format("%,d", reached) + " devices)",
            answerMs,
            districts,
            topicSeconds);
        System.out.printf(
            "  topic subscriptions set up beforehand: %,d devices in %.2fs (1,000 tokens per SDK"
                + " call, one request per token)%n",
            reached, subscribeSeconds);
        System.out.printf(
            "  two stages through the dispatcher (polls of 500, sites in stage two): %d stage-one"
                + " messages, last at %.3fs; %,d stage-two requests, last at %.2fs; results"
                + " written at %.2fs%n",
            twoStages.stageOneMessages(),
            twoStages.toLastStageOne(),
            twoStages.stageTwoRequests(),
            twoStages.toLastStageTwo(),
            twoStages.toResultsWritten());
        System.out.printf(
            "  needed in flight for the quota's pace: %,.0f/s x %d ms = %,.0f%n",
            perSecond, answerMs, needed);
        Figure.printTable("Against the FCM quota's pace", figures);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("devices", devices);
        json.put("districts", districts);
        json.put("answerMs", answerMs);
        json.put("quotaPerMinute", quota);
        json.put("maxInFlight", inFlight);
        json.put(
            "machine",
            Map.of(
                "cores",
                Runtime.getRuntime().availableProcessors(),
                "loadAverageBefore",
                loadBefore,
                "loadAverageAfter",
                loadAfter));
        json.put("scorecard", Figure.json(figures));
        json.put("runs", runs);
        json.put("twoStages", twoStages);
        json.put(
            "topics",
            Map.of(
                "requests",
                districts,
                "devicesReached",
                reached,
                "seconds",
                round(topicSeconds),
                "subscribeSetupSeconds",
                round(subscribeSeconds)));
        options.writeJson(json);
      } finally {
        app.delete();
      }
    }
    return Tool.DONE;
  }

  /**
   * Sends the messages in calls of {@code perCall}, each answered before the next, with the local
   * server answering each after {@code answerMs}; the pace and concurrency are read from the
   * server's record of the sends.
   */
  private static Run send(
      LocalFcmServer server,
      FirebaseMessaging messaging,
      List<Message> messages,
      int answerMs,
      long quota,
      int maxInFlight,
      int perCall,
      String route)
      throws InterruptedException {
    server.answerAfter(Duration.ofMillis(answerMs));
    server.clear();
    FcmSender sender = sender(messaging, quota, maxInFlight);
    long t0 = System.nanoTime();
    long failed = 0;
    for (int from = 0; from < messages.size(); from += perCall) {
      failed +=
          sender.send(messages.subList(from, Math.min(messages.size(), from + perCall))).stream()
              .filter(o -> o.outcome() != PushOutcome.SENT)
              .count();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (failed > 0) {
      throw new IllegalStateException(route + ": " + failed + " messages were not sent");
    }
    long[] arrivals = server.traffic().arrivalNanos();
    long first = Arrays.stream(arrivals).min().orElse(0);
    long last = Arrays.stream(arrivals).max().orElse(0);
    return new Run(
        route,
        answerMs,
        arrivals.length,
        round(seconds),
        round((last - first) / 1e9),
        SendTraffic.maxWithin(arrivals, Duration.ofSeconds(1)),
        sender.peakInFlight(),
        server.traffic().peakInFlight());
  }

  /** A fresh sender as the service builds it: its own rate limit, nothing in flight. */
  private static FcmSender sender(FirebaseMessaging messaging, long quota, int maxInFlight) {
    return new FcmSender(
        messaging,
        new RateLimiter(quota, Clock.systemUTC(), Sleeper.REAL),
        maxInFlight,
        RetryPolicy.standard(),
        Sleeper.REAL,
        new PushMetrics(new SimpleMeterRegistry()));
  }

  /**
   * The local transport (HttpURLConnection) keeps 5 idle connections per host and the JDK's HTTP
   * server 200, so with hundreds in flight nearly every send would open a new TCP connection. FCM's
   * own transport (HTTP/2) keeps its connections; so does this benchmark, for as many as are in
   * flight. Set before either class first reads them.
   */
  private static void keepConnectionsOpen(int inFlight) {
    String connections = Integer.toString(Math.max(inFlight, SDK_DEFAULT_THREADS) + 100);
    System.setProperty("http.maxConnections", connections);
    System.setProperty("sun.net.httpserver.maxIdleConnections", connections);
  }

  /** The 1, 5 and 15 minute load averages, as uptime prints them. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return String.format(
          "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static Message emergencyTo(String token) {
    return Message.builder()
        .setToken(token)
        .setNotification(Notification.builder().setTitle("避難指示").build())
        .putData("noticeId", "bench")
        .build();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
