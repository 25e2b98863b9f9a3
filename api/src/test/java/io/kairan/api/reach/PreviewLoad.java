package io.kairan.api.reach;

import io.kairan.api.KairanApiApplication;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.testkit.tokens.TokenIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The preview's latency through HTTP at a city's scale: the API started in this JVM (its real
 * security, controllers, index and matching core; no broker, so its index is filled here instead of
 * from profiles.v1), synthetic residents, and one request at a time per audience shape, the shapes
 * taking turns. Not a test: a load command (README, "Reach preview").
 *
 * <pre>
 * ./mvnw -B -q -o -pl api test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g -cp api/target/test-classes:api/target/classes:$(cat api/target/cp.txt) \
 *     io.kairan.api.reach.PreviewLoad 1000000 100
 * </pre>
 */
public final class PreviewLoad {
  private static final String SECRET = "preview-load-secret-0123456789abcdef";
  private static final String AIZU = "072028";
  private static final int DISTRICTS = 262;

  private PreviewLoad() {}

  public static void main(String[] args) throws Exception {
    int residents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    ConfigurableApplicationContext api =
        KairanApiApplication.builder()
            .run(
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--kairan.ledger.startup-wait=1s",
                "--kairan.security.test-hmac-secret=" + SECRET,
                // The preview's time is measured here, not the rate limit's refusals.
                "--kairan.rate-limits.writes.requests=1000000",
                "--kairan.rate-limits.reads.requests=1000000",
                "--logging.level.org.apache.kafka=OFF",
                "--logging.level.io.kairan=OFF");
    try {
      long filling = System.nanoTime();
      ResidentIndex index = api.getBean(ResidentIndex.class);
      Random random = new Random(1);
      Instant now = Instant.now();
      for (int i = 0; i < residents; i++) {
        index.put(resident(random, i, now));
      }
      index.markCaughtUp();
      api.getBean(ActiveRules.class).markCaughtUp();
      System.out.printf(
          "%,d residents indexed in %.1f s%n", residents, (System.nanoTime() - filling) / 1e9);
      run(api.getEnvironment().getProperty("local.server.port"), rounds);
    } finally {
      api.close();
    }
  }

  private static void run(String port, int rounds) throws Exception {
    String token =
        new TokenIssuer(SECRET, "kairan-local")
            .token("dept-1", "DEPARTMENT", Map.of("name", "会津若松市", "municipality_code", AIZU));
    HttpClient http = HttpClient.newHttpClient();
    Map<String, String> shapes = shapes();
    Map<String, long[]> nanos = new LinkedHashMap<>();
    shapes.keySet().forEach(name -> nanos.put(name, new long[rounds]));
    Map<String, String> answers = new LinkedHashMap<>();
    int warmup = Math.max(5, rounds / 10);
    for (int round = -warmup; round < rounds; round++) {
      for (var shape : shapes.entrySet()) {
        var request =
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/notices/preview"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(shape.getValue()))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException(shape.getKey() + ": " + response.body());
        }
        if (round >= 0) {
          nanos.get(shape.getKey())[round] = took;
        }
        answers.put(shape.getKey(), response.body());
      }
    }
    long[] all = nanos.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf("%-34s %10s %8s %8s %8s%n", "shape", "reach", "p50 ms", "p99 ms", "max ms");
    for (var shape : nanos.entrySet()) {
      long[] sorted = shape.getValue().clone();
      Arrays.sort(sorted);
      System.out.printf(
          "%-34s %10s %8.1f %8.1f %8.1f%n",
          shape.getKey(),
          Json.mapper().readTree(answers.get(shape.getKey())).get("residents").asText(),
          quantile(sorted, 0.50),
          quantile(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6);
    }
    System.out.printf(
        "%-34s %10s %8.1f %8.1f %8.1f%n",
        "all shapes", "", quantile(all, 0.50), quantile(all, 0.99), all[all.length - 1] / 1e6);
  }

  /** The nearest-rank quantile, in milliseconds. */
  private static double quantile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, rank)] / 1e6;
  }

  private static String district(int i) {
    return "町" + i;
  }

  private static GeoPoint centreOf(int district) {
    return new GeoPoint(37.40 + (district % 16) * 0.012, 139.80 + (district / 16) * 0.012);
  }

  /** Drafts of the typical shapes, as a publisher sends them. */
  private static Map<String, String> shapes() {
    Map<String, String> shapes = new LinkedHashMap<>();
    shapes.put("city-wide, important", draft("IMPORTANT", "EVENTS", new Audience.Everyone()));
    shapes.put("city-wide, emergency", draft("EMERGENCY", "DISASTER", new Audience.Everyone()));
    shapes.put(
        "one district",
        draft("IMPORTANT", "GARBAGE", new Audience.InDistrict(List.of(district(7)))));
    shapes.put(
        "parents of 0-6 in two districts",
        draft(
            "IMPORTANT",
            "CHILDCARE",
            new Audience.AllOf(
                List.of(
                    new Audience.InDistrict(List.of(district(3), district(4))),
                    new Audience.HasChildAgedBetween(0, 6)))));
    shapes.put("over 65", draft("INFO", "HEALTH", new Audience.AgeBetween(65, 130)));
    shapes.put(
        "2 km circle",
        draft("IMPORTANT", "TRANSPORT", new Audience.WithinCircle(centreOf(100), 2)));
    return shapes;
  }

  private static String draft(String severity, String category, Audience audience) {
    return """
        {"municipalityCode":"%s","category":"%s","severity":"%s","title":{"ja":"お知らせ"},
         "validity":{"from":"2026-01-01T00:00:00Z","until":"2099-01-01T00:00:00Z"},
         "audience":%s}
        """
        .formatted(AIZU, category, severity, Json.write(audience));
  }

  /**
   * A resident of one of the city's towns, with consents, children and quiet hours as many have.
   */
  private static ResidentProfile resident(Random random, int i, Instant now) {
    int district = random.nextInt(DISTRICTS);
    int born = 1926 + random.nextInt(100);
    List<Integer> children = new ArrayList<>();
    if (born > 1976 && born < 2000 && random.nextInt(3) == 0) {
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        children.add(Math.min(2026, born + 25 + random.nextInt(15)));
      }
    }
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      if (random.nextInt(5) > 0) {
        consents.put(c, new Consent(true, now));
      }
    }
    return new ResidentProfile(
        "r-" + i,
        AIZU,
        district(district),
        centreOf(district),
        born,
        children,
        random.nextInt(20) == 0 ? List.of("en") : List.of("ja"),
        random.nextBoolean() ? Set.of("子育て") : Set.of("防災", "スポーツ"),
        consents,
        random.nextInt(10) < 7 ? new QuietHours("22:00", "07:00") : null,
        "Asia/Tokyo",
        Set.of(),
        now);
  }
}
