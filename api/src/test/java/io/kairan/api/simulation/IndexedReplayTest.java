package io.kairan.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.RandomAudiences;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import io.kairan.model.rules.ScoreWeights;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulation through the job's index, matching and planning once per group of residents alike,
 * against the plain scan that matches and plans every resident alone: the same figures on random
 * residents, notices (several versions, withdrawals, emergencies, firms) and rule sets.
 */
class IndexedReplayTest {
  static final Instant FROM = Instant.parse("2026-11-15T00:00:00Z");
  static final Instant TO = Instant.parse("2026-11-20T00:00:00Z");
  static final List<String> ZONES = List.of("Asia/Tokyo", "UTC", "America/New_York");
  static final List<QuietHours> QUIET =
      List.of(
          new QuietHours("22:00", "07:00"),
          new QuietHours("17:00", "08:00"),
          new QuietHours("08:00", "20:00"));

  private static ResidentProfile resident(Random random, int i) {
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      if (random.nextInt(3) > 0) {
        consents.put(c, new Consent(random.nextInt(4) > 0, FROM));
      }
    }
    List<Integer> children = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      children.add(2026 - random.nextInt(18));
    }
    return new ResidentProfile(
        "resident-" + i,
        random.nextInt(8) == 0 ? "131016" : SimulationFixtures.AIZU,
        RandomAudiences.district(random),
        random.nextInt(4) == 0
            ? null
            : new GeoPoint(37.4 + random.nextInt(5) / 10.0, 139.8 + random.nextInt(5) / 10.0),
        1930 + random.nextInt(90),
        children,
        random.nextBoolean() ? List.of("ja") : List.of("en"),
        random.nextBoolean() ? Set.of("子育て") : Set.of("防災"),
        consents,
        random.nextInt(3) == 0 ? null : QUIET.get(random.nextInt(QUIET.size())),
        ZONES.get(random.nextInt(ZONES.size())),
        Set.of(),
        FROM);
  }

  /** A notice's versions: published, then perhaps updated, changed or withdrawn. */
  private static List<Notice> versions(Random random, int i) {
    Category category = Category.values()[random.nextInt(Category.values().length)];
    Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
    PublisherKind kind = random.nextInt(3) == 0 ? PublisherKind.FIRM : PublisherKind.DEPARTMENT;
    if (kind == PublisherKind.FIRM && severity == Severity.EMERGENCY) {
      severity = Severity.IMPORTANT;
    }
    var audience = RandomAudiences.next(random, 3);
    // Some published a day before the window: replayed to know them, not counted.
    Instant at = FROM.minus(Duration.ofDays(1)).plusSeconds(random.nextInt(6 * 86_400));
    GeoPoint location = random.nextBoolean() ? null : new GeoPoint(37.49, 139.93);
    List<Notice> versions = new ArrayList<>();
    for (int v = 1; v <= 1 + random.nextInt(3); v++) {
      NoticeStatus status =
          v == 1
              ? NoticeStatus.PUBLISHED
              : List.of(NoticeStatus.UPDATED, NoticeStatus.CHANGED, NoticeStatus.WITHDRAWN)
                  .get(random.nextInt(3));
      Severity now =
          v > 1 && random.nextInt(4) == 0 && kind == PublisherKind.DEPARTMENT
              ? Severity.EMERGENCY
              : severity;
      versions.add(
          new Notice(
              "n-" + i,
              v,
              new Publisher("p-" + kind, "p", kind),
              SimulationFixtures.AIZU,
              category,
              Map.of("ja", "n " + i),
              Map.of(),
              null,
              location,
              new Validity(at, at.plus(Duration.ofHours(12 + random.nextInt(72)))),
              now,
              status,
              audience,
              at));
      if (status == NoticeStatus.WITHDRAWN) {
        break;
      }
      at = at.plusSeconds(60 + random.nextInt(20 * 3600));
    }
    return versions;
  }

  private static RuleSet rules(Random random, String name) {
    Set<Category> digest =
        random.nextBoolean() ? Set.of() : Set.of(Category.values()[random.nextInt(13)]);
    return new RuleSet(
        name,
        1,
        RuleSlot.SHADOW,
        new ScoreWeights(
            random.nextInt(4), random.nextInt(3), 1, random.nextInt(3), random.nextInt(3)),
        Map.of(Category.HEALTH, random.nextDouble()),
        digest,
        random.nextInt(3) == 0 ? 0.0 : random.nextDouble() * 0.8,
        random.nextInt(4),
        random.nextInt(2),
        random.nextBoolean() ? null : new QuietHours("21:00", "06:00"),
        random.nextBoolean() ? "18:00" : "07:30",
        FROM);
  }

  @Test
  void theIndexedReplayGivesThePlainScansFiguresOnRandomResidentsNoticesAndRules() {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      ResidentIndex index = new ResidentIndex();
      for (int i = 0; i < 400; i++) {
        index.put(resident(random, i));
      }
      ResidentIndex.Snapshot held = index.snapshot();
      List<Notice> notices = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        notices.addAll(versions(random, i));
      }
      var input =
          new Simulation.Input(
              held.profiles(),
              held.groups(),
              notices,
              rules(random, "active"),
              rules(random, "candidate"),
              FROM,
              TO,
              ZoneId.of("Asia/Tokyo"));

      SimulationFigures indexed = Simulation.run(input, Simulation.Method.INDEX, done -> {});
      SimulationFigures scanned = Simulation.run(input, Simulation.Method.PLAIN_SCAN, done -> {});

      assertThat(indexed).as("seed %d", seed).isEqualTo(scanned);
      assertThat(indexed.active().deliveries()).as("seed %d delivers", seed).isPositive();
    }
  }
}
