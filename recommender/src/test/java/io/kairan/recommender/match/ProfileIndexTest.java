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
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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

  /**
   * The index with each way it narrows candidates: always as if they were many (unions of year,
   * district and home-point bitmaps), always as if they were few (ages resident by resident, each
   * bitmap intersected alone), and by the default share.
   */
  private static List<ProfileIndex> everyWayOfNarrowing() {
    return List.of(new ProfileIndex(0), new ProfileIndex(1), new ProfileIndex());
  }

  @Test
  void theIndexAgreesWithThePlainScanOnRandomProfilesAndExpressions() {
    Random random = new Random(42);
    List<ProfileIndex> indexes = everyWayOfNarrowing();
    List<ResidentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ResidentProfile p = randomProfile(random, i);
      profiles.add(p);
      indexes.forEach(index -> index.put(p));
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

      for (ProfileIndex index : indexes) {
        assertThat(ids(index.eligible(notice, AT)))
            .as(io.kairan.model.notice.AudienceText.format(notice.audience()))
            .isEqualTo(scanned);
        assertThat(index.reach(notice, AT)).isEqualTo(scanned.size());
      }
      assertThat(
              profiles.stream()
                  .filter(p -> Eligibility.isEligible(notice, ProfileForMatching.of(p), AT))
                  .count())
          .as("the form kept in state is eligible exactly when the full profile is")
          .isEqualTo(scanned.size());
    }
  }

  @Test
  void theNumbersHandedOutForANoticeAreThoseOfThePlainScansResidentsEvenAfterRemovals() {
    Random random = new Random(7);
    ProfileIndex index = new ProfileIndex();
    Map<Integer, String> residentByNumber = new HashMap<>();
    List<ResidentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      ResidentProfile p = randomProfile(random, i);
      profiles.add(p);
      residentByNumber.put(index.put(p), p.id());
    }
    // Removed residents free their numbers, which later residents take over.
    for (int i = 0; i < 100; i++) {
      index.remove(profiles.remove(random.nextInt(profiles.size())).id());
    }
    for (int i = 1_000; i < 1_050; i++) {
      ResidentProfile p = randomProfile(random, i);
      profiles.add(p);
      residentByNumber.put(index.put(p), p.id());
    }
    for (int trial = 0; trial < 200; trial++) {
      Notice notice =
          notice(
              RandomAudiences.next(random, 3),
              Category.values()[random.nextInt(Category.values().length)],
              Severity.values()[random.nextInt(3)]);
      Set<String> scanned = new HashSet<>();
      profiles.stream()
          .filter(p -> Eligibility.isEligible(notice, p, AT))
          .forEach(p -> scanned.add(p.id()));

      List<String> handedOut = new ArrayList<>();
      index.forEachEligible(notice, AT, number -> handedOut.add(residentByNumber.get(number)));

      assertThat(handedOut).doesNotHaveDuplicates();
      assertThat(new HashSet<>(handedOut)).isEqualTo(scanned);
    }
  }

  /** A resident of 北会津町 born in {@code born}, with children born in the given years. */
  private static ResidentProfile born(String id, int born, Integer... children) {
    return resident(id, null, born, List.of(children));
  }

  /** A resident of 北会津町 without consents. */
  private static ResidentProfile resident(
      String id, GeoPoint home, int born, List<Integer> children) {
    return new ResidentProfile(
        id,
        "072028",
        "北会津町",
        home,
        born,
        children,
        List.of("ja"),
        Set.of(),
        Map.of(),
        null,
        "Asia/Tokyo",
        Set.of(),
        AT);
  }

  /** Both the plain scan and the index find exactly the expected residents for each audience. */
  private static void assertBothFind(
      Map<Audience, Set<String>> expected, List<ResidentProfile> residents, ProfileIndex index) {
    expected.forEach(
        (audience, ids) -> {
          Notice notice = notice(audience, Category.DISASTER, Severity.EMERGENCY);
          assertThat(scanned(notice, residents)).as("the plain scan").isEqualTo(ids);
          assertThat(ids(index.eligible(notice, AT))).as("the index").isEqualTo(ids);
        });
  }

  private static List<ResidentProfile> randomProfiles(Random random, int count) {
    List<ResidentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      profiles.add(randomProfile(random, i));
    }
    return profiles;
  }

  @Test
  void agesCountWholeYearsFromBirthYearsWithBothBoundsIncluded() {
    // In 2026: born 1961 is 65, 1962 is 64, 1896 is 130, 1895 is 131. A child born in 2026 is 0,
    // one expected in 2027 (profiles may name it) is -1 and in no range from 0.
    List<ResidentProfile> residents =
        List.of(
            born("is65", 1961),
            born("is64", 1962),
            born("is130", 1896),
            born("is131", 1895),
            born("newborn", 1990, 2026),
            born("expecting", 1995, 2027),
            born("child6", 1988, 2020),
            born("child7and17", 1980, 2019, 2009));
    Map<Audience, Set<String>> expected =
        Map.of(
            new Audience.AgeBetween(65, 130), Set.of("is65", "is130"),
            new Audience.AgeBetween(64, 64), Set.of("is64"),
            new Audience.AgeBetween(131, 200), Set.of("is131"),
            new Audience.HasChildAgedBetween(0, 6), Set.of("newborn", "child6"),
            new Audience.HasChildAgedBetween(0, 0), Set.of("newborn"),
            new Audience.HasChildAgedBetween(7, 7), Set.of("child7and17"),
            new Audience.HasChildAgedBetween(8, 16), Set.of(),
            new Audience.HasChildAgedBetween(17, 18), Set.of("child7and17"));
    for (ProfileIndex index : everyWayOfNarrowing()) {
      residents.forEach(index::put);
      assertBothFind(expected, residents, index);
    }
  }

  @Test
  void agesAtTheEdgesOfTheIndexedYearsAndItsYearBlocksAgreeWithThePlainScan() {
    List<ResidentProfile> profiles = new ArrayList<>(randomProfiles(new Random(3), 1_000));
    profiles.add(born("newborn", 2026, 2026));
    profiles.add(born("expecting", 1998, 2027));
    List<ProfileIndex> indexes = everyWayOfNarrowing();
    profiles.forEach(p -> indexes.forEach(index -> index.put(p)));

    int year = 2026;
    // Ages one either side of the oldest and youngest birth years present and around every year
    // where a block of the year index starts or ends, plus the limits an audience may name.
    Set<Integer> ages = new TreeSet<>(List.of(0, 1, 130, 131));
    Set<Integer> childAges = new TreeSet<>(List.of(0, 1, 17, 18, 130));
    IntSummaryStatistics births =
        profiles.stream().mapToInt(ResidentProfile::birthYear).summaryStatistics();
    IntSummaryStatistics childBirths =
        profiles.stream()
            .flatMap(p -> p.childrenBirthYears().stream())
            .mapToInt(Integer::intValue)
            .summaryStatistics();
    for (int edge : List.of(births.getMin(), births.getMax())) {
      ages.addAll(List.of(year - edge - 1, year - edge, year - edge + 1));
    }
    for (int edge : List.of(childBirths.getMin(), childBirths.getMax())) {
      childAges.addAll(List.of(Math.max(0, year - edge - 1), year - edge, year - edge + 1));
    }
    // Blocks start at multiples of 8 (1920 = 8 × 240): ranges that end a year or two either side.
    for (int start = 1920; start <= 2026; start += 8) {
      for (int born = start - 2; born <= start + 1; born++) {
        ages.add(year - born);
        childAges.add(Math.max(0, year - born));
      }
    }
    List<Audience> audiences = new ArrayList<>();
    for (int min : ages) {
      for (int max : ages) {
        if (min >= 0 && min <= max) {
          audiences.add(new Audience.AgeBetween(min, max));
        }
      }
    }
    for (int min : childAges) {
      for (int max : childAges) {
        if (min >= 0 && min <= max && max - min <= 40) {
          audiences.add(new Audience.HasChildAgedBetween(min, max));
        }
      }
    }
    for (Audience audience : audiences) {
      Notice notice = notice(audience, Category.HEALTH, Severity.EMERGENCY);
      Set<String> scanned = scanned(notice, profiles);
      for (ProfileIndex index : indexes) {
        assertThat(ids(index.eligible(notice, AT)))
            .as(io.kairan.model.notice.AudienceText.format(audience))
            .isEqualTo(scanned);
      }
    }
    assertThat(audiences).as("boundary ranges tried").hasSizeGreaterThan(500);
  }

  /** A resident of 北会津町 whose home is at the point (or unknown), without consents. */
  private static ResidentProfile livingAt(String id, GeoPoint home) {
    return resident(id, home, 1990, List.of());
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
    assertBothFind(expected, residents, index);
  }

  @Test
  void capAreasAgreeWithThePlainScanOnRandomHomes() {
    Random random = new Random(7);
    List<ResidentProfile> profiles = randomProfiles(random, 2_000);
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
    for (ProfileIndex index : everyWayOfNarrowing()) {
      replaceAndRemoveAndCompareWithThePlainScan(index);
    }
  }

  private static void replaceAndRemoveAndCompareWithThePlainScan(ProfileIndex index) {
    Random random = new Random(1);
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
