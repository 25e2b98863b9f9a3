package io.kairan.deploy.demo;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Residents drawn from what the city publishes: no per-district or full age table exists (see
 * aizuwakamatsu_population_facts.csv), so towns are drawn uniformly, adults' ages follow the 2025
 * projection for 20–34 and the one-in-3.2 share over 65, and children are drawn for people of
 * parenting age. Deterministic for a seed.
 */
public final class SyntheticResidents {
  static final String MUNICIPALITY = "072028";
  private static final List<String> INTERESTS =
      List.of("子育て", "健康", "スポーツ", "文化", "防災", "ごみ・リサイクル", "観光", "農業");
  private static final List<String> OTHER_LANGUAGES = List.of("en", "zh", "vi", "ko");

  private SyntheticResidents() {}

  public static List<ResidentProfile> generate(
      List<Town> towns, int count, long seed, Instant now) {
    Random random = new Random(seed);
    int year = now.atZone(java.time.ZoneOffset.UTC).getYear();
    List<ResidentProfile> residents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Town town = towns.get(random.nextInt(towns.size()));
      int age = adultAge(random);
      List<Integer> children = new ArrayList<>();
      if (age >= 22 && age <= 50 && random.nextDouble() < 0.45) {
        int kids = 1 + random.nextInt(3);
        for (int k = 0; k < kids; k++) {
          children.add(year - random.nextInt(Math.min(18, age - 20)));
        }
      }
      residents.add(
          new ResidentProfile(
              String.format("r-%06d", i),
              MUNICIPALITY,
              town.district(),
              new GeoPoint(town.lat(), town.lon()),
              year - age,
              children,
              languages(random),
              interests(random, !children.isEmpty()),
              consents(random, now),
              random.nextDouble() < 0.7 ? new QuietHours("22:00", "07:00") : null,
              "Asia/Tokyo",
              needs(random.nextDouble() < 0.05, age >= 80),
              now));
    }
    return residents;
  }

  /** 18–34 from the projected bands, 35–64 the rest, 65–99 about 31% (1 in 3.2). */
  private static int adultAge(Random random) {
    double r = random.nextDouble();
    if (r < 0.31) {
      return 65 + random.nextInt(35);
    }
    if (r < 0.31 + 0.22) {
      return 18 + random.nextInt(17);
    }
    return 35 + random.nextInt(30);
  }

  private static List<String> languages(Random random) {
    double r = random.nextDouble();
    if (r < 0.03) {
      return List.of(OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size())), "ja-x-easy");
    }
    if (r < 0.06) {
      return List.of("ja-x-easy", "ja");
    }
    return List.of("ja");
  }

  private static Set<String> interests(Random random, boolean parent) {
    Set<String> chosen = new HashSet<>();
    if (parent) {
      chosen.add("子育て");
    }
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      chosen.add(INTERESTS.get(random.nextInt(INTERESTS.size())));
    }
    return chosen;
  }

  /** Most residents consent to civic categories; fewer to shop offers. */
  private static Map<Category, Consent> consents(Random random, Instant now) {
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      double p = category == Category.SHOPPING ? 0.3 : 0.9;
      consents.put(category, new Consent(random.nextDouble() < p, now));
    }
    return consents;
  }

  /**
   * A few residents read large text; those of 80 and over say they are elderly, so that an
   * emergency also names a shelter that takes them in (derived from the age: no further random
   * draw, so the rest of the population is the one earlier benchmarks used).
   */
  private static Set<String> needs(boolean largeText, boolean eighty) {
    if (largeText && eighty) {
      return Set.of("large-text", "elderly");
    }
    return largeText ? Set.of("large-text") : eighty ? Set.of("elderly") : Set.of();
  }
}
