package io.kairan.model.site;

import io.kairan.model.notice.GeoPoint;

/**
 * Where an emergency delivery tells the resident to go: a site and how far it is from their home
 * (straight line).
 *
 * @param reason why this site: {@code SAFE_FOR_HAZARD} (the nearest evacuation site safe for the
 *     notice's hazard) or {@code TAKES_IN_YOUR_NEEDS} (the nearest shelter whose 受入対象者 match the
 *     resident's accessibility needs)
 */
public record SiteAdvice(
    String reason,
    String siteId,
    String name,
    String address,
    GeoPoint location,
    double distanceKm) {
  public static final String SAFE_FOR_HAZARD = "SAFE_FOR_HAZARD";
  public static final String TAKES_IN_YOUR_NEEDS = "TAKES_IN_YOUR_NEEDS";
}
