package io.kairan.recommender.site;

import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteAdvice;
import io.kairan.model.site.SiteKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The city's sites, indexed once per hazard (evacuation sites safe for it) and once per group a
 * shelter takes in, so that each resident's advice is two or three tree searches.
 */
public final class SiteIndex {
  private final Map<Hazard, NearestSites> safeFor = new EnumMap<>(Hazard.class);
  private final Map<String, NearestSites> takesIn = new HashMap<>();

  public SiteIndex(Collection<EvacuationSite> sites) {
    for (Hazard hazard : Hazard.values()) {
      List<EvacuationSite> safe =
          sites.stream()
              .filter(s -> s.kind() == SiteKind.EVACUATION_SITE && s.safeFor().contains(hazard))
              .toList();
      safeFor.put(hazard, new NearestSites(safe));
    }
    Map<String, List<EvacuationSite>> byGroup = new HashMap<>();
    for (EvacuationSite site : sites) {
      if (site.kind() == SiteKind.SHELTER) {
        site.accepts().forEach(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(site));
      }
    }
    byGroup.forEach((group, shelters) -> takesIn.put(group, new NearestSites(shelters)));
  }

  /**
   * Where to go from {@code home} in a {@code hazard}: the nearest evacuation site safe for it, and
   * the nearest shelter that takes in someone with these needs (if the resident has needs and the
   * city has such a shelter). Nothing without a home point.
   */
  public List<SiteAdvice> advise(Hazard hazard, GeoPoint home, Set<String> accessibility) {
    List<SiteAdvice> advice = new ArrayList<>(2);
    if (home == null || hazard == null) {
      return advice;
    }
    safeFor
        .get(hazard)
        .nearest(home)
        .ifPresent(site -> advice.add(advice(SiteAdvice.SAFE_FOR_HAZARD, site, home)));
    nearestTakingIn(Needs.groupsFor(accessibility), home)
        .ifPresent(site -> advice.add(advice(SiteAdvice.TAKES_IN_YOUR_NEEDS, site, home)));
    return advice;
  }

  private Optional<EvacuationSite> nearestTakingIn(Set<String> groups, GeoPoint home) {
    EvacuationSite best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (String group : groups) {
      NearestSites shelters = takesIn.get(group);
      if (shelters == null) {
        continue;
      }
      EvacuationSite site = shelters.nearest(home).orElseThrow();
      double km = Geo.distanceKm(home, site.location());
      if (km < bestKm || (km == bestKm && site.id().compareTo(best.id()) < 0)) {
        best = site;
        bestKm = km;
      }
    }
    return Optional.ofNullable(best);
  }

  private static SiteAdvice advice(String reason, EvacuationSite site, GeoPoint home) {
    return new SiteAdvice(
        reason,
        site.id(),
        site.name(),
        site.address(),
        site.location(),
        Geo.distanceKm(home, site.location()));
  }
}
