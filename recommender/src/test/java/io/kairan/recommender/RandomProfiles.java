package io.kairan.recommender;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.RandomAudiences;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random valid residents for property tests, reproducible from the seed. */
public final class RandomProfiles {
  private RandomProfiles() {}

  /** A valid profile of the demo city (one in ten of another city), drawn from {@code random}. */
  public static ResidentProfile profile(Random random, int i, Instant at) {
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      if (random.nextInt(4) > 0) {
        consents.put(c, new Consent(random.nextInt(5) > 0, at));
      }
    }
    List<Integer> children = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      children.add(2026 - random.nextInt(20));
    }
    GeoPoint home =
        random.nextInt(5) == 0
            ? null
            : new GeoPoint(37.4 + random.nextInt(30) / 100.0, 139.8 + random.nextInt(30) / 100.0);
    return new ResidentProfile(
        "r-" + i,
        random.nextInt(10) == 0 ? "131016" : "072028",
        RandomAudiences.district(random),
        home,
        1926 + random.nextInt(90),
        children,
        random.nextBoolean() ? List.of("ja") : List.of("en", "ja-x-easy"),
        random.nextBoolean() ? Set.of("子育て") : Set.of("防災", "スポーツ"),
        consents,
        null,
        "Asia/Tokyo",
        Set.of(),
        at);
  }
}
