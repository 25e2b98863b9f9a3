package io.kairan.ingest.alert;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.MunicipalityCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Resolves CAP {@code <area>}s against one municipality. A JIS X 0402 (or JMA area) geocode of the
 * municipality places the alert on the whole municipality; a polygon or circle places it on that
 * shape when the shape covers one of the municipality's town points or overlaps the box around
 * them. Nothing else does: an unknown geocode scheme or a shape elsewhere must never become a
 * city-wide alert, so the caller dead-letters it with the reason.
 */
final class AreaResolver {
  private final MunicipalityArea municipality;

  AreaResolver(MunicipalityArea municipality) {
    this.municipality = municipality;
  }

  Placement resolve(List<Element> areas) {
    if (areas.isEmpty()) {
      return new Placement.Nowhere("the alert names no area, so it cannot be placed");
    }
    List<Audience> shapes = new ArrayList<>();
    Set<String> unplaced = new LinkedHashSet<>();
    for (Element area : areas) {
      for (Element geocode : Elements.children(area, "geocode")) {
        String scheme = Elements.text(geocode, "valueName").orElse("");
        String value = Elements.text(geocode, "value").orElse("");
        if (!isJapaneseScheme(scheme)) {
          unplaced.add("geocodes in the scheme '" + scheme + "', which Kairan does not resolve");
        } else if (municipality.code().equals(jisCode(value))) {
          return new Placement.Placed(new Audience.InMunicipality(municipality.code()));
        } else {
          unplaced.add("the geocode " + value + " is not municipality " + municipality.code());
        }
      }
      for (Element polygon : Elements.children(area, "polygon")) {
        var shape = new Audience.WithinPolygon(CapValues.points(polygon.getTextContent()));
        place(shape, covers(shape), shapes, unplaced);
      }
      for (Element circle : Elements.children(area, "circle")) {
        var shape = CapValues.circle(circle.getTextContent());
        place(shape, covers(shape), shapes, unplaced);
      }
    }
    if (!shapes.isEmpty()) {
      return new Placement.Placed(shapes.size() == 1 ? shapes.get(0) : new Audience.AnyOf(shapes));
    }
    return new Placement.Nowhere(
        "no area resolves to municipality "
            + municipality.code()
            + ": "
            + (unplaced.isEmpty()
                ? "the areas have no geocode, polygon or circle"
                : String.join("; ", unplaced)));
  }

  private void place(Audience shape, boolean covers, List<Audience> shapes, Set<String> unplaced) {
    if (covers) {
      shapes.add(shape);
    } else if (!municipality.isKnown()) {
      unplaced.add(
          "a polygon or circle, but the towns of "
              + municipality.code()
              + " are not known (--towns FILE)");
    } else {
      unplaced.add("a polygon or circle outside municipality " + municipality.code());
    }
  }

  private boolean covers(Audience.WithinPolygon polygon) {
    return municipality.isKnown()
        && (municipality.towns().stream().anyMatch(t -> Geo.inPolygon(t, polygon.points()))
            || Geometry.overlaps(polygon.points(), municipality.box()));
  }

  private boolean covers(Audience.WithinCircle circle) {
    if (!municipality.isKnown()) {
      return false;
    }
    GeoPoint nearest = municipality.box().nearestTo(circle.center());
    return Geo.distanceKm(circle.center(), nearest) <= circle.radiusKm();
  }

  /** L-Alert and JMA name the scheme with JIS or JMA in valueName; SAME, FIPS, CAP-CP do not. */
  static boolean isJapaneseScheme(String valueName) {
    String name = valueName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return name.startsWith("JIS") || name.startsWith("JMA");
  }

  /**
   * The six-digit JIS code a value names: JIS with or without its check digit, or a JMA municipal
   * area code (five JIS digits and 00, so 0720200 is 072028). Empty when it names none.
   */
  static String jisCode(String value) {
    String v = value.strip();
    if (v.matches("\\d{6}") && MunicipalityCode.isValid(v)) {
      return v;
    }
    if (v.matches("\\d{5}") || v.matches("\\d{5}00")) {
      return MunicipalityCode.withCheckDigit(v.substring(0, 5));
    }
    return "";
  }
}
