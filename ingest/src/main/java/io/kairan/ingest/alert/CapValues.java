package io.kairan.ingest.alert;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.GeoPoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** CAP 1.2's value syntaxes: "lat,lon" pairs separated by spaces, "lat,lon radiusKm", times. */
final class CapValues {
  private CapValues() {}

  static List<GeoPoint> points(String text) {
    List<GeoPoint> points = new ArrayList<>();
    for (String pair : text.strip().split("\\s+")) {
      points.add(point(pair));
    }
    return points;
  }

  static Audience.WithinCircle circle(String text) {
    String[] parts = text.strip().split("\\s+");
    return new Audience.WithinCircle(point(parts[0]), Double.parseDouble(parts[1]));
  }

  /** CAP puts latitude first, as WGS 84 "lat,lon". */
  static GeoPoint point(String latLon) {
    String[] ll = latLon.split(",");
    return new GeoPoint(Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
  }

  static Instant time(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
