package io.kairan.recommender.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteAdvice;
import io.kairan.model.site.SiteKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The indexed nearest site is the one a plain scan of every site finds, by great-circle distance.
 */
class SiteIndexTest {
  private static final GeoPoint AIZU = new GeoPoint(37.4947, 139.9298);

  private static EvacuationSite site(String id, double lat, double lon, Set<Hazard> safeFor) {
    return new EvacuationSite(
        id,
        SiteKind.EVACUATION_SITE,
        "072028",
        "site " + id,
        null,
        new GeoPoint(lat, lon),
        safeFor,
        Set.of());
  }

  private static EvacuationSite shelter(String id, double lat, double lon, Set<String> accepts) {
    return new EvacuationSite(
        id,
        SiteKind.SHELTER,
        "072028",
        "shelter " + id,
        null,
        new GeoPoint(lat, lon),
        Set.of(),
        accepts);
  }

  /** The reference: every site, the smallest haversine distance, ties to the smaller id. */
  private static Optional<EvacuationSite> scan(List<EvacuationSite> sites, GeoPoint at) {
    return sites.stream()
        .min(
            Comparator.comparingDouble((EvacuationSite s) -> Geo.distanceKm(at, s.location()))
                .thenComparing(EvacuationSite::id));
  }

  private static void assertSameAsScan(List<EvacuationSite> sites, GeoPoint at) {
    Optional<EvacuationSite> indexed = new NearestSites(sites).nearest(at);
    Optional<EvacuationSite> scanned = scan(sites, at);
    assertThat(indexed.isPresent()).isEqualTo(scanned.isPresent());
    if (scanned.isPresent()) {
      double expected = Geo.distanceKm(at, scanned.get().location());
      double found = Geo.distanceKm(at, indexed.get().location());
      // Equal distances may differ in the last bits between the two formulas: then either is right.
      assertThat(found)
          .as("from %s", at)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void aroundTheCityTheIndexFindsWhatTheScanFinds() {
    Random random = new Random(20261126);
    List<EvacuationSite> sites = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      sites.add(
          site(
              "E" + i,
              AIZU.lat() + random.nextGaussian() * 0.05,
              AIZU.lon() + random.nextGaussian() * 0.05,
              Set.of(Hazard.FLOOD)));
    }
    NearestSites index = new NearestSites(sites);
    for (int q = 0; q < 5_000; q++) {
      GeoPoint at =
          new GeoPoint(
              AIZU.lat() + random.nextGaussian() * 0.08, AIZU.lon() + random.nextGaussian() * 0.08);
      EvacuationSite expected = scan(sites, at).orElseThrow();
      EvacuationSite found = index.nearest(at).orElseThrow();
      assertThat(Geo.distanceKm(at, found.location()))
          .isCloseTo(
              Geo.distanceKm(at, expected.location()), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void acrossTheAntimeridianAndNearThePolesTheIndexFindsWhatTheScanFinds() {
    Random random = new Random(7);
    List<EvacuationSite> sites = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sites.add(
          site("W" + i, random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180, Set.of()));
    }
    sites.add(site("east", 10, 179.999, Set.of()));
    sites.add(site("pole", 89.99, 0, Set.of()));
    for (int q = 0; q < 2_000; q++) {
      assertSameAsScan(
          sites, new GeoPoint(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180));
    }
    assertThat(new NearestSites(sites).nearest(new GeoPoint(10, -179.999)).orElseThrow().id())
        .as("179.999°E is 222 m from 179.999°W")
        .isEqualTo("east");
  }

  @Test
  void twoSitesAtTheSameDistanceGiveTheOneWithTheSmallerId() {
    List<EvacuationSite> sites =
        List.of(site("b", 37.0, 140.01, Set.of()), site("a", 37.0, 139.99, Set.of()));

    assertThat(new NearestSites(sites).nearest(new GeoPoint(37.0, 140.0)).orElseThrow().id())
        .isEqualTo("a");
  }

  @Test
  void theAdviceNamesTheNearestSiteSafeForTheHazardNotTheNearestSite() {
    var index =
        new SiteIndex(
            List.of(
                site("near-quake-only", 37.4950, 139.9300, EnumSet.of(Hazard.EARTHQUAKE)),
                site(
                    "far-flood-safe",
                    37.5200,
                    139.9300,
                    EnumSet.of(Hazard.FLOOD, Hazard.EARTHQUAKE))));

    List<SiteAdvice> flood = index.advise(Hazard.FLOOD, AIZU, Set.of());
    List<SiteAdvice> quake = index.advise(Hazard.EARTHQUAKE, AIZU, Set.of());

    assertThat(flood)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.siteId()).isEqualTo("far-flood-safe");
              assertThat(a.reason()).isEqualTo(SiteAdvice.SAFE_FOR_HAZARD);
              // 0.0253° of latitude north: 2.81 km (111.2 km per degree).
              assertThat(a.distanceKm()).isCloseTo(2.81, org.assertj.core.data.Offset.offset(0.01));
            });
    assertThat(quake).singleElement().extracting(SiteAdvice::siteId).isEqualTo("near-quake-only");
  }

  @Test
  void aResidentWithNeedsIsAlsoToldTheNearestShelterThatTakesThemIn() {
    var index =
        new SiteIndex(
            List.of(
                site("site", 37.4950, 139.9300, EnumSet.of(Hazard.FLOOD)),
                shelter("for-elderly", 37.5100, 139.9300, Set.of("高齢者")),
                shelter("for-infants", 37.4960, 139.9300, Set.of("乳幼児その他"))));

    assertThat(index.advise(Hazard.FLOOD, AIZU, Set.of("elderly")))
        .extracting(SiteAdvice::reason, SiteAdvice::siteId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SiteAdvice.SAFE_FOR_HAZARD, "site"),
            org.assertj.core.groups.Tuple.tuple(SiteAdvice.TAKES_IN_YOUR_NEEDS, "for-elderly"));
    assertThat(index.advise(Hazard.FLOOD, AIZU, Set.of()))
        .as("no needs, no shelter advice")
        .extracting(SiteAdvice::siteId)
        .containsExactly("site");
  }

  @Test
  void noHomeNoAdviceAndNoSafeSiteNoAdvice() {
    var index = new SiteIndex(List.of(site("quake", 37.5, 139.9, EnumSet.of(Hazard.EARTHQUAKE))));

    assertThat(index.advise(Hazard.FLOOD, null, Set.of())).isEmpty();
    assertThat(index.advise(Hazard.TSUNAMI, AIZU, Set.of())).isEmpty();
  }
}
