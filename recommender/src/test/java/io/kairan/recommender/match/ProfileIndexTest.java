package io.kairan.recommender.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.RandomAudiences;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.RandomProfiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index must return exactly the residents the plain scan finds, whatever the expression. */
class ProfileIndexTest {
  private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

  static ResidentProfile randomProfile(Random random, int i) {
    return RandomProfiles.profile(random, i, AT);
  }

  private static Notice notice(Audience audience, Category category, Severity severity) {
    return new Notice(
        "n",
        1,
        new Publisher("p", "p", PublisherKind.DEPARTMENT),
        "072028",
        category,
        Map.of("ja", "t"),
        Map.of(),
        null,
        null,
        new Validity(AT, AT.plusSeconds(86400)),
        severity,
        NoticeStatus.PUBLISHED,
        audience,
        AT);
  }

  private static Set<String> ids(List<ResidentProfile> profiles) {
    Set<String> ids = new HashSet<>();
    profiles.forEach(p -> ids.add(p.id()));
    return ids;
  }

  @Test
  void theIndexAgreesWithThePlainScanOnRandomProfilesAndExpressions() {
    Random random = new Random(42);
    ProfileIndex index = new ProfileIndex();
    List<ResidentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ResidentProfile p = randomProfile(random, i);
      profiles.add(p);
      index.put(p);
    }
    for (int trial = 0; trial < 500; trial++) {
      Notice notice =
          notice(
              RandomAudiences.next(random, 4),
              Category.values()[random.nextInt(Category.values().length)],
              Severity.values()[random.nextInt(3)]);

      Set<String> scanned = new HashSet<>();
      profiles.stream()
          .filter(p -> Eligibility.isEligible(notice, p, AT))
          .forEach(p -> scanned.add(p.id()));

      assertThat(ids(index.eligible(notice, AT)))
          .as(io.kairan.model.notice.AudienceText.format(notice.audience()))
          .isEqualTo(scanned);
      assertThat(index.reach(notice, AT)).isEqualTo(scanned.size());
      assertThat(
              profiles.stream()
                  .filter(p -> Eligibility.isEligible(notice, ProfileForMatching.of(p), AT))
                  .count())
          .as("the form kept in state is eligible exactly when the full profile is")
          .isEqualTo(scanned.size());
    }
  }

  /** A resident of 北会津町 whose home is at the point (or unknown), without consents. */
  private static ResidentProfile livingAt(String id, GeoPoint home) {
    return new ResidentProfile(
        id,
        "072028",
        "北会津町",
        home,
        1990,
        List.of(),
        List.of("ja"),
        Set.of(),
        Map.of(),
        null,
        "Asia/Tokyo",
        Set.of(),
        AT);
  }

  private static Set<String> scanned(Notice notice, List<ResidentProfile> profiles) {
    Set<String> found = new HashSet<>();
    profiles.stream()
        .filter(p -> Eligibility.isEligible(notice, p, AT))
        .forEach(p -> found.add(p.id()));
    return found;
  }

  @Test
  void capAreasReachTheResidentsWhoseHomesAreInsideAsThePlainScanFinds() {
    // As a CAP alert's areas arrive: a 2.5 km circle around 鶴ヶ城 and a closed polygon ring.
    var circle = new Audience.WithinCircle(new GeoPoint(37.4875, 139.9297), 2.5);
    var polygon =
        new Audience.WithinPolygon(
            List.of(
                new GeoPoint(37.45, 139.88),
                new GeoPoint(37.45, 139.95),
                new GeoPoint(37.50, 139.95),
                new GeoPoint(37.50, 139.88),
                new GeoPoint(37.45, 139.88)));
    // Distances by hand (1° lat = 111.2 km, 1° lon = 88.3 km at 37.49°N):
    List<ResidentProfile> residents =
        List.of(
            livingAt("a", new GeoPoint(37.49, 139.93)), // 0.28 km from the centre, in the ring
            livingAt("b", new GeoPoint(37.52, 139.93)), // 3.6 km, north of the ring
            livingAt("c", new GeoPoint(37.4875, 139.955)), // 2.23 km, east of the ring
            livingAt("d", new GeoPoint(37.4875, 139.96)), // 2.68 km, east of the ring
            livingAt("e", new GeoPoint(37.47, 139.90)), // 3.3 km, in the ring
            livingAt("f", null)); // no home: never in an area
    ProfileIndex index = new ProfileIndex();
    residents.forEach(index::put);

    Map<Audience, Set<String>> expected =
        Map.of(
            circle,
            Set.of("a", "c"),
            polygon,
            Set.of("a", "e"),
            new Audience.AnyOf(List.of(polygon, circle)),
            Set.of("a", "c", "e"));
    expected.forEach(
        (area, ids) -> {
          Notice alert = notice(area, Category.DISASTER, Severity.EMERGENCY);
          assertThat(scanned(alert, residents)).as("the plain scan").isEqualTo(ids);
          assertThat(ids(index.eligible(alert, AT))).as("the index").isEqualTo(ids);
        });
  }

  @Test
  void capAreasAgreeWithThePlainScanOnRandomHomes() {
    Random random = new Random(7);
    List<ResidentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      profiles.add(randomProfile(random, i));
    }
    ProfileIndex index = new ProfileIndex();
    profiles.forEach(index::put);
    int reached = 0;
    for (int trial = 0; trial < 200; trial++) {
      double lat = 37.4 + random.nextInt(30) / 100.0;
      double lon = 139.8 + random.nextInt(30) / 100.0;
      var circle =
          new Audience.WithinCircle(new GeoPoint(lat, lon), 0.5 + random.nextInt(80) / 10.0);
      var ring =
          new Audience.WithinPolygon(
              List.of(
                  new GeoPoint(lat, lon),
                  new GeoPoint(lat + 0.05, lon + 0.01),
                  new GeoPoint(lat + 0.02, lon + 0.08),
                  new GeoPoint(lat, lon)));
      Audience area = random.nextBoolean() ? new Audience.AnyOf(List.of(ring, circle)) : ring;
      Notice alert = notice(area, Category.DISASTER, Severity.EMERGENCY);
      Set<String> scanned = scanned(alert, profiles);
      reached += scanned.size();

      assertThat(ids(index.eligible(alert, AT)))
          .as(io.kairan.model.notice.AudienceText.format(area))
          .isEqualTo(scanned);
    }
    assertThat(reached).as("the areas reach residents at all").isGreaterThan(1_000);
  }

  @Test
  void replacedAndRemovedProfilesLeaveNoTrace() {
    Random random = new Random(1);
    ProfileIndex index = new ProfileIndex();
    List<ResidentProfile> current = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      current.add(randomProfile(random, i));
      index.put(current.get(i));
    }
    for (int i = 0; i < 300; i += 3) {
      current.set(i, randomProfile(random, i)); // a changed profile, same resident
      index.put(current.get(i));
    }
    for (int i = 1; i < 300; i += 3) {
      index.remove("r-" + i);
    }
    List<ResidentProfile> remaining =
        current.stream().filter(p -> Integer.parseInt(p.id().substring(2)) % 3 != 1).toList();
    Notice everyone = notice(new Audience.Everyone(), Category.HEALTH, Severity.EMERGENCY);

    assertThat(index.size()).isEqualTo(200);
    assertThat(ids(index.eligible(everyone, AT)))
        .isEqualTo(
            ids(remaining.stream().filter(p -> p.municipalityCode().equals("072028")).toList()));
    for (int trial = 0; trial < 200; trial++) {
      Notice notice = notice(RandomAudiences.next(random, 3), Category.CHILDCARE, Severity.INFO);
      assertThat(ids(index.eligible(notice, AT)))
          .isEqualTo(
              ids(remaining.stream().filter(p -> Eligibility.isEligible(notice, p, AT)).toList()));
    }
  }
}
