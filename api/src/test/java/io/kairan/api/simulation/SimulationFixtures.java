package io.kairan.api.simulation;

import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Residents, notices and rule sets for simulations whose outcome a test works out by hand. */
final class SimulationFixtures {
  static final String AIZU = "072028";
  static final Instant JOINED = Instant.parse("2026-11-01T00:00:00Z");
  static final Publisher DEPARTMENT = new Publisher("kenko-ka", "健康増進課", PublisherKind.DEPARTMENT);

  private SimulationFixtures() {}

  static final Publisher FIRM = new Publisher("aizu-shoten", "会津商店", PublisherKind.FIRM);

  /** {@code n} residents alike: in 北会津町, consenting to health notices, in Tokyo's zone. */
  static List<ResidentProfile> alike(int n, QuietHours quiet) {
    return alikeIn("北会津町", n, quiet);
  }

  /**
   * {@code n} residents alike in {@code district}, consenting to health and shop notices, in
   * Tokyo's zone, without a home point: alike in all the policy reads with those of any other
   * district.
   */
  static List<ResidentProfile> alikeIn(String district, int n, QuietHours quiet) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new ResidentProfile(
                    district + "-" + i,
                    AIZU,
                    district,
                    null,
                    1980,
                    List.of(),
                    List.of("ja"),
                    Set.of(),
                    Map.of(
                        Category.HEALTH,
                        new Consent(true, JOINED),
                        Category.SHOPPING,
                        new Consent(true, JOINED)),
                    quiet,
                    "Asia/Tokyo",
                    Set.of(),
                    JOINED))
        .toList();
  }

  /** The residents as the API holds them: through its own index, with its groups. */
  static ResidentIndex.Snapshot held(List<ResidentProfile> residents) {
    ResidentIndex index = new ResidentIndex();
    residents.forEach(index::put);
    return index.snapshot();
  }

  /** A city-wide important health notice, valid for a week from its publication. */
  static Notice important(String id, int version, NoticeStatus status, Instant at) {
    return important(id, version, status, at, DEPARTMENT, Category.HEALTH, new Audience.Everyone());
  }

  /** An important notice of that publisher, category and audience, valid for a week. */
  static Notice important(
      String id,
      int version,
      NoticeStatus status,
      Instant at,
      Publisher publisher,
      Category category,
      Audience audience) {
    return new Notice(
        id,
        version,
        publisher,
        AIZU,
        category,
        Map.of("ja", "お知らせ " + id),
        Map.of(),
        null,
        null,
        new Validity(at, at.plus(Duration.ofDays(7))),
        Severity.IMPORTANT,
        status,
        audience,
        at);
  }

  /** The built-in rules with another daily push cap. */
  static RuleSet capped(int dailyPushCap) {
    return capped(dailyPushCap, RuleSet.BUILTIN.firmDailyPushCap());
  }

  /** The built-in rules with other daily push caps, all and firms'. */
  static RuleSet capped(int dailyPushCap, int firmDailyPushCap) {
    RuleSet b = RuleSet.BUILTIN;
    return new RuleSet(
        "capped",
        dailyPushCap,
        RuleSlot.SHADOW,
        b.weights(),
        b.categoryWeights(),
        b.digestCategories(),
        b.pushThreshold(),
        dailyPushCap,
        firmDailyPushCap,
        b.defaultQuietHours(),
        b.digestTime(),
        JOINED);
  }
}
