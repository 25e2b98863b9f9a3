package io.kairan.deploy.bench;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import io.kairan.deploy.cli.Tool;
import io.kairan.push.fcm.FcmSettings;
import io.kairan.push.fcm.FirebaseConfig;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.push.send.FcmSender;
import io.kairan.push.send.PushMetrics;
import io.kairan.push.send.RateLimiter;
import io.kairan.push.send.RetryPolicy;
import io.kairan.push.send.Sleeper;
import io.kairan.push.topic.DistrictTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * An emergency to N devices through the local FCM-compatible server, device by device (sendEach in
 * batches of 500 under the rate limit) and as district topic messages, with the quota's own pace as
 * the yardstick. Usage: deploy/bench-push.sh [--devices 100000] [--districts 30] [--json FILE].
 */
@Command(
    name = "deploy/bench-push.sh",
    description = "An emergency to N devices through the local FCM server: per device vs topics.",
    sortOptions = false)
public final class PushBenchmark implements Callable<Integer> {
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

  @Mixin BenchOptions options;

  @Mixin Tool.Help help;

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
    long quota = FcmSettings.DEFAULT_PER_MINUTE;
    try (LocalFcmServer server = LocalFcmServer.start(0)) {
      FirebaseApp app =
          new FirebaseConfig()
              .firebaseApp(new FcmSettings("kairan-bench", server.endpoint(), quota));
      try {
        FirebaseMessaging messaging = FirebaseMessaging.getInstance(app);
        FcmSender sender =
            new FcmSender(
                messaging,
                new RateLimiter(quota, Clock.systemUTC(), Sleeper.REAL),
                RetryPolicy.standard(),
                Sleeper.REAL,
                new PushMetrics(new SimpleMeterRegistry()));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
          tokens.add("bench-token-" + i);
        }

        // Warm up the SDK, the HTTP client and the JIT on a small send before measuring.
        sender.send(tokens.subList(0, 500).stream().map(PushBenchmark::emergencyTo).toList());
        server.clear();

        long t0 = System.nanoTime();
        for (int from = 0; from < devices; from += FcmSender.MAX_BATCH) {
          sender.send(
              tokens.subList(from, Math.min(devices, from + FcmSender.MAX_BATCH)).stream()
                  .map(PushBenchmark::emergencyTo)
                  .toList());
        }
        double perDeviceSeconds = (System.nanoTime() - t0) / 1e9;
        int perDeviceRequests = server.received().size();

        long t1 = System.nanoTime();
        List<String> topics = new ArrayList<>();
        for (int d = 0; d < districts; d++) {
          topics.add(DistrictTopics.of("072028", "district-" + d));
        }
        for (int from = 0; from < devices; from += 1000) {
          List<String> part = tokens.subList(from, Math.min(devices, from + 1000));
          messaging.subscribeToTopic(part, topics.get((from / 1000) % districts));
        }
        double subscribeSeconds = (System.nanoTime() - t1) / 1e9;

        long t2 = System.nanoTime();
        sender.send(
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
        double quotaSeconds = devices / (quota / 60.0);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("devices", devices);
        figures.put("districts", districts);
        figures.put("quotaPerMinute", quota);
        figures.put(
            "perDevice",
            Map.of(
                "requests",
                perDeviceRequests,
                "seconds",
                round(perDeviceSeconds),
                "requestsPerSecond",
                round(perDeviceRequests / perDeviceSeconds)));
        figures.put("atQuotaSeconds", round(quotaSeconds));
        figures.put(
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
        figures.put("topicSpeedupVsPerDevice", round(perDeviceSeconds / topicSeconds));

        System.out.printf(
            "%nEmergency to %,d devices through the local FCM server (2 cores; client side only)%n",
            devices);
        System.out.printf(
            "  %-34s %10s %14s %12s%n", "route", "requests", "time to last", "requests/s");
        System.out.printf(
            "  %-34s %,10d %13.2fs %,12.0f%n",
            "per device (sendEach x500)",
            perDeviceRequests,
            perDeviceSeconds,
            perDeviceRequests / perDeviceSeconds);
        System.out.printf(
            "  %-34s %,10d %13.2fs %,12.0f%n",
            "FCM quota pace (600k/min)", devices, quotaSeconds, quota / 60.0);
        System.out.printf(
            "  %-34s %,10d %13.3fs %12s%n",
            "district topics (" + districts + ")", districts, topicSeconds, "-");
        System.out.printf(
            "  topic subscriptions set up beforehand: %,d devices in %.2fs (1,000 tokens per SDK call, one request per token)%n",
            reached, subscribeSeconds);
        System.out.printf(
            "  the topic route is done %.0fx sooner than per-device sends%n",
            perDeviceSeconds / topicSeconds);
        options.writeJson(figures);
      } finally {
        app.delete();
      }
    }
    return Tool.DONE;
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
