package io.kairan.ingest.alert;

import io.kairan.model.notice.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Where a municipality is, as the representative points of its towns (the same points residents'
 * homes are matched by). No points means only a JIS code can place an alert there.
 */
public record MunicipalityArea(String code, List<GeoPoint> towns) {
  /** The demo city's towns, shipped with the module (Geolonia japanese-addresses, CC BY 4.0). */
  static final String DEMO_CODE = "072028";

  public MunicipalityArea {
    towns = List.copyOf(towns);
  }

  /** A municipality whose towns are not known: polygons and circles cannot be placed in it. */
  public static MunicipalityArea unknown(String code) {
    return new MunicipalityArea(code, List.of());
  }

  /** The shipped towns for the demo city 会津若松市, else {@link #unknown}. */
  public static MunicipalityArea shipped(String code) {
    if (!DEMO_CODE.equals(code)) {
      return unknown(code);
    }
    try (InputStream in = MunicipalityArea.class.getResourceAsStream(DEMO_CODE + "-towns.csv")) {
      return townsCsv(code, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static MunicipalityArea townsFile(String code, Path csv) throws IOException {
    return townsCsv(code, Files.readString(csv, StandardCharsets.UTF_8));
  }

  /** A CSV with a header naming {@code lat} and {@code lon} columns, one town a row. */
  static MunicipalityArea townsCsv(String code, String csv) {
    List<GeoPoint> points = new ArrayList<>();
    try (Reader reader = new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        CSVParser parser =
            CSVParser.parse(
                reader, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      if (!parser.getHeaderMap().containsKey("lat") || !parser.getHeaderMap().containsKey("lon")) {
        throw new IllegalArgumentException("a towns file needs lat and lon columns");
      }
      for (CSVRecord row : parser) {
        GeoPoint point =
            new GeoPoint(Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon")));
        if (!point.problems().isEmpty()) {
          throw new IllegalArgumentException(
              "towns row " + row.getRecordNumber() + ": " + point.problems());
        }
        points.add(point);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MunicipalityArea(code, points);
  }

  boolean isKnown() {
    return !towns.isEmpty();
  }

  /** The box around the towns' points: south, west, north, east. */
  Box box() {
    double south = 90, west = 180, north = -90, east = -180;
    for (GeoPoint p : towns) {
      south = Math.min(south, p.lat());
      north = Math.max(north, p.lat());
      west = Math.min(west, p.lon());
      east = Math.max(east, p.lon());
    }
    return new Box(south, west, north, east);
  }

  /** A latitude/longitude rectangle (no municipality straddles the antimeridian). */
  record Box(double south, double west, double north, double east) {
    boolean contains(GeoPoint p) {
      return p.lat() >= south && p.lat() <= north && p.lon() >= west && p.lon() <= east;
    }

    List<GeoPoint> corners() {
      return List.of(
          new GeoPoint(south, west),
          new GeoPoint(south, east),
          new GeoPoint(north, east),
          new GeoPoint(north, west));
    }

    /** The point of the box nearest to p, in degrees (enough for a municipality-sized box). */
    GeoPoint nearestTo(GeoPoint p) {
      return new GeoPoint(
          Math.max(south, Math.min(north, p.lat())), Math.max(west, Math.min(east, p.lon())));
    }
  }
}
