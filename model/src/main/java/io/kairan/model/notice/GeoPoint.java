package io.kairan.model.notice;

import io.kairan.model.Problems;
import java.util.List;

/** A WGS84 point. */
public record GeoPoint(double lat, double lon) {
  public List<String> problems() {
    return new Problems()
        .require(lat >= -90 && lat <= 90, "lat", "must be between -90 and 90")
        .require(lon >= -180 && lon <= 180, "lon", "must be between -180 and 180")
        .list();
  }
}
