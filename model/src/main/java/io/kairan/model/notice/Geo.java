package io.kairan.model.notice;

import java.util.List;

/**
 * Point-in-area tests on WGS84 points, for matching and for placing alerts alike; flat-earth
 * polygons are exact enough at city scale.
 */
public final class Geo {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {}

  /** Ray casting in the lon/lat plane; a closing point equal to the first is optional. */
  public static boolean inPolygon(GeoPoint p, List<GeoPoint> polygon) {
    boolean inside = false;
    for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
      GeoPoint a = polygon.get(i);
      GeoPoint b = polygon.get(j);
      if ((a.lat() > p.lat()) != (b.lat() > p.lat())
          && p.lon() < (b.lon() - a.lon()) * (p.lat() - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Great-circle distance (haversine). */
  public static double distanceKm(GeoPoint a, GeoPoint b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
  }
}
