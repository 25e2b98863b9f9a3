package io.kairan.deploy.bench;

import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.deploy.demo.Town;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Eligibility;
import io.kairan.recommender.match.ProfileIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audience evaluation per notice on N synthetic residents of the demo city: the bitmap index
 * against the plain scan, in one run (p50/p99), and the index's bytes per resident. Usage:
 * MatcherBenchmark [--residents 1000000] [--samples ../shared/samples] [--json FILE].
 */
public final class MatcherBenchmark {
  private MatcherBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    int residents = options.integer("residents", 1000000);
    Path samples =
        Path.of(options.get("samples", System.getProperty("kairan.samples", "../shared/samples")));
    Instant now = Instant.parse("2026-11-23T03:00:00Z");
    List<ResidentProfile> profiles =
        SyntheticResidents.generate(
            Town.load(samples.resolve("city/aizuwakamatsu_towns.csv")), residents, 72028, now);
    ProfileIndex index = new ProfileIndex();
    long t0 = System.nanoTime();
    profiles.forEach(index::put);
    double buildSeconds = (System.nanoTime() - t0) / 1e9;

    List<Notice> notices = notices(now);
    int rounds = options.integer("rounds", 20);
    long[] indexNanos = new long[notices.size() * rounds];
    long[] scanNanos = new long[notices.size() * Math.max(1, rounds / 4)];
    long checksum = 0;
    for (int warm = 0; warm < 3; warm++) {
      for (Notice n : notices) {
        checksum += index.eligible(n, now).size();
      }
    }
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (Notice n : notices) {
        long s = System.nanoTime();
        checksum += index.eligible(n, now).size();
        indexNanos[k++] = System.nanoTime() - s;
      }
    }
    k = 0;
    for (int r = 0; r < Math.max(1, rounds / 4); r++) {
      for (Notice n : notices) {
        long s = System.nanoTime();
        int count = 0;
        for (ResidentProfile p : profiles) {
          if (Eligibility.isEligible(n, p, now)) {
            count++;
          }
        }
        checksum += count;
        scanNanos[k++] = System.nanoTime() - s;
      }
    }
    double indexP50 = percentile(indexNanos, 50) / 1e6;
    double indexP99 = percentile(indexNanos, 99) / 1e6;
    double scanP50 = percentile(scanNanos, 50) / 1e6;
    double scanP99 = percentile(scanNanos, 99) / 1e6;
    double bytesPerResident = (double) index.bitmapBytes() / residents;

    System.out.printf(
        "%nAudience evaluation on %,d residents (%d notice shapes, checksum %d)%n",
        residents, notices.size(), checksum);
    System.out.printf("  %-22s %10s %10s%n", "", "p50 ms", "p99 ms");
    System.out.printf("  %-22s %10.3f %10.3f%n", "bitmap index", indexP50, indexP99);
    System.out.printf("  %-22s %10.3f %10.3f%n", "plain scan (baseline)", scanP50, scanP99);
    System.out.printf(
        "  index is %.0fx faster at p50, %.0fx at p99; bitmaps %.1f bytes per resident; built in %.1f s%n",
        scanP50 / indexP50, scanP99 / indexP99, bytesPerResident, buildSeconds);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("residents", residents);
    figures.put("index", Map.of("p50Ms", indexP50, "p99Ms", indexP99));
    figures.put("scan", Map.of("p50Ms", scanP50, "p99Ms", scanP99));
    figures.put("speedupP50", scanP50 / indexP50);
    figures.put("speedupP99", scanP99 / indexP99);
    figures.put("bitmapBytesPerResident", bytesPerResident);
    options.writeJson(figures);
  }

  /** The shapes of notices a city sends: city-wide, one district, parents, elders, combinations. */
  private static List<Notice> notices(Instant now) {
    List<Audience> audiences =
        List.of(
            new Audience.Everyone(),
            new Audience.InDistrict(List.of("北会津町")),
            new Audience.AllOf(
                List.of(
                    new Audience.InDistrict(List.of("北会津町", "河東町")),
                    new Audience.HasChildAgedBetween(0, 6))),
            new Audience.AgeBetween(65, 130),
            new Audience.AnyOf(
                List.of(new Audience.HasChildAgedBetween(6, 12), new Audience.InterestedIn("子育て"))),
            new Audience.AllOf(
                List.of(
                    new Audience.AgeBetween(40, 74), new Audience.Not(new Audience.Speaks("en")))),
            new Audience.AllOf(
                List.of(new Audience.InDistrict(List.of("湊町")), new Audience.AgeBetween(75, 130))));
    List<Notice> notices = new ArrayList<>();
    for (Audience audience : audiences) {
      notices.add(
          new Notice(
              "bench",
              1,
              new Publisher("p", "p", PublisherKind.DEPARTMENT),
              "072028",
              Category.HEALTH,
              Map.of("ja", "t"),
              Map.of(),
              null,
              null,
              new Validity(now, now.plusSeconds(86400)),
              Severity.IMPORTANT,
              NoticeStatus.PUBLISHED,
              audience,
              now));
    }
    return notices;
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
