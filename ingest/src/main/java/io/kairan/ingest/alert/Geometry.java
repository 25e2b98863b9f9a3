package io.kairan.ingest.alert;

import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import java.util.List;

/**
 * Planar tests on latitude/longitude, which is exact enough at the scale of one municipality and
 * one alert area (longitude is x, latitude is y; no area crosses the antimeridian).
 */
final class Geometry {
  private Geometry() {}

  /**
   * A polygon and a box overlap exactly when a vertex of one lies in the other or two edges cross.
   */
  static boolean overlaps(List<GeoPoint> ring, MunicipalityArea.Box box) {
    if (ring.stream().anyMatch(box::contains)
        || box.corners().stream().anyMatch(c -> Geo.inPolygon(c, ring))) {
      return true;
    }
    List<GeoPoint> corners = box.corners();
    for (int i = 0; i < ring.size(); i++) {
      GeoPoint a = ring.get(i);
      GeoPoint b = ring.get((i + 1) % ring.size());
      for (int k = 0; k < 4; k++) {
        if (cross(a, b, corners.get(k), corners.get((k + 1) % 4))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean cross(GeoPoint p1, GeoPoint p2, GeoPoint q1, GeoPoint q2) {
    double d1 = side(q1, q2, p1),
        d2 = side(q1, q2, p2),
        d3 = side(p1, p2, q1),
        d4 = side(p1, p2, q2);
    return d1 * d2 < 0 && d3 * d4 < 0;
  }

  private static double side(GeoPoint a, GeoPoint b, GeoPoint c) {
    return (b.lon() - a.lon()) * (c.lat() - a.lat()) - (b.lat() - a.lat()) * (c.lon() - a.lon());
  }
}
