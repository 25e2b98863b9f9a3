package io.kairan.model.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random expression trees over every kind of audience, for round-trip and property tests. */
public final class RandomAudiences {
  private static final List<String> DISTRICTS = List.of("北会津町", "湊町", "一箕町", "河東町", "栄町");

  private RandomAudiences() {}

  public static Audience next(Random random, int depth) {
    int kind = random.nextInt(depth <= 0 ? 9 : 12);
    return switch (kind) {
      case 0 -> new Audience.Everyone();
      case 1 -> new Audience.InMunicipality("072028");
      case 2 -> new Audience.InDistrict(sample(random));
      case 3 -> {
        int min = random.nextInt(90);
        yield new Audience.AgeBetween(min, min + random.nextInt(40));
      }
      case 4 -> {
        int min = random.nextInt(15);
        yield new Audience.HasChildAgedBetween(min, min + random.nextInt(6));
      }
      case 5 -> new Audience.Speaks(random.nextBoolean() ? "ja" : "en");
      case 6 -> new Audience.InterestedIn(random.nextBoolean() ? "子育て" : "防災");
      case 7 ->
          new Audience.WithinCircle(
              new GeoPoint(37.4 + random.nextInt(30) / 100.0, 139.8 + random.nextInt(30) / 100.0),
              0.5 + random.nextInt(10));
      case 8 ->
          new Audience.WithinPolygon(
              List.of(
                  new GeoPoint(37.4, 139.8),
                  new GeoPoint(37.6, 139.8),
                  new GeoPoint(37.6 - random.nextInt(10) / 100.0, 140.0)));
      case 9 -> new Audience.Not(next(random, depth - 1));
      case 10 -> new Audience.AllOf(parts(random, depth));
      default -> new Audience.AnyOf(parts(random, depth));
    };
  }

  /** One of the districts the generator uses, for profiles that should sometimes match. */
  public static String district(Random random) {
    return DISTRICTS.get(random.nextInt(DISTRICTS.size()));
  }

  private static List<Audience> parts(Random random, int depth) {
    List<Audience> parts = new ArrayList<>();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      parts.add(next(random, depth - 1));
    }
    return parts;
  }

  private static List<String> sample(Random random) {
    List<String> chosen = new ArrayList<>();
    for (String d : DISTRICTS) {
      if (random.nextInt(3) == 0) {
        chosen.add(d);
      }
    }
    return chosen.isEmpty() ? List.of(district(random)) : chosen;
  }
}
