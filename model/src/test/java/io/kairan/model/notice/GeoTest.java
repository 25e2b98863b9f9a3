package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Distances on the sphere of mean radius 6371.0088 km (IUGG) and the point-in-polygon rule, each
 * against arcs worked out by hand or by an independent vector computation.
 */
class GeoTest {
  private static final double EARTH_RADIUS_KM = 6371.0088;
  private static final double KM_PER_DEGREE = EARTH_RADIUS_KM * Math.PI / 180; // 111.19508 km
  private static final GeoPoint CITY_HALL = new GeoPoint(37.4946, 139.9297); // 会津若松市役所
  private static final GeoPoint KITAAIZU = new GeoPoint(37.4670, 139.8620); // 北会津町

  /** A square around the city centre: 37.4–37.6 N, 139.8–140.0 E. */
  private static List<GeoPoint> square() {
    return List.of(
        new GeoPoint(37.4, 139.8),
        new GeoPoint(37.6, 139.8),
        new GeoPoint(37.6, 140.0),
        new GeoPoint(37.4, 140.0));
  }

  @Test
  void aPointIsNoDistanceFromItself() {
    assertThat(Geo.distanceKm(CITY_HALL, CITY_HALL)).isZero();
  }

  @Test
  void oneDegreeNorthAlongAMeridianIsOneDegreeOfArc() {
    GeoPoint north = new GeoPoint(38.4946, 139.9297);

    assertThat(Geo.distanceKm(CITY_HALL, north)).isCloseTo(111.19508, within(1e-5));
    assertThat(Geo.distanceKm(north, CITY_HALL)).isCloseTo(111.19508, within(1e-5));
  }

  @Test
  void oneDegreeEastAlongTheEquatorIsOneDegreeOfArc() {
    assertThat(Geo.distanceKm(new GeoPoint(0, 139), new GeoPoint(0, 140)))
        .isCloseTo(KM_PER_DEGREE, within(1e-9));
  }

  @Test
  void pointsOnOneParallelOppositeInLongitudeAreJoinedOverThePole() {
    // 30° up to the pole and 30° down the other side: a third of half a great circle.
    assertThat(Geo.distanceKm(new GeoPoint(60, 0), new GeoPoint(60, 180)))
        .isCloseTo(EARTH_RADIUS_KM * Math.PI / 3, within(1e-6))
        .isCloseTo(6671.7048, within(1e-4));
  }

  @Test
  void theCityHallAndItsAntipodeAreHalfAGreatCircleApart() {
    GeoPoint antipode = new GeoPoint(-37.4946, 139.9297 - 180);

    assertThat(Geo.distanceKm(CITY_HALL, antipode)).isCloseTo(20015.1144, within(1e-3));
  }

  @Test
  void theCityHallIsAboutSixAndAHalfKilometresFromKitaaizuBothWays() {
    double reference = angleBetweenUnitVectors(CITY_HALL, KITAAIZU) * EARTH_RADIUS_KM;

    assertThat(reference).isCloseTo(6.716, within(1e-3));
    assertThat(Geo.distanceKm(CITY_HALL, KITAAIZU)).isCloseTo(reference, within(1e-9));
    assertThat(Geo.distanceKm(KITAAIZU, CITY_HALL)).isCloseTo(reference, within(1e-9));
  }

  @Test
  void theCityHallIsInsideTheSquareAroundTheCity() {
    assertThat(Geo.inPolygon(CITY_HALL, square())).isTrue();
    assertThat(Geo.inPolygon(KITAAIZU, square())).isTrue();
  }

  @Test
  void pointsJustBeyondEachSideAreOutside() {
    assertThat(Geo.inPolygon(new GeoPoint(37.3999, 139.9), square())).as("south").isFalse();
    assertThat(Geo.inPolygon(new GeoPoint(37.6001, 139.9), square())).as("north").isFalse();
    assertThat(Geo.inPolygon(new GeoPoint(37.5, 139.7999), square())).as("west").isFalse();
    assertThat(Geo.inPolygon(new GeoPoint(37.5, 140.0001), square())).as("east").isFalse();
  }

  @Test
  void aClosingPointEqualToTheFirstChangesNothing() {
    List<GeoPoint> closed = new ArrayList<>(square());
    closed.add(square().get(0));

    assertThat(Geo.inPolygon(CITY_HALL, closed)).isTrue();
    assertThat(Geo.inPolygon(new GeoPoint(37.5, 140.0001), closed)).isFalse();
    assertThat(Geo.inPolygon(new GeoPoint(37.3999, 139.9), closed)).isFalse();
  }

  @Test
  void aPointWrittenLongitudeFirstIsNotInTheArea() {
    GeoPoint swapped = new GeoPoint(CITY_HALL.lon(), CITY_HALL.lat());

    assertThat(Geo.inPolygon(swapped, square())).isFalse();
  }

  @Test
  void aSlantedEdgeIsFollowedExactly() {
    // Its hypotenuse runs from 37.4 N 139.8 E to 37.6 N 140.0 E: lon = 139.8 + (lat - 37.4).
    List<GeoPoint> triangle =
        List.of(new GeoPoint(37.4, 139.8), new GeoPoint(37.6, 139.8), new GeoPoint(37.6, 140.0));

    assertThat(Geo.inPolygon(new GeoPoint(37.5, 139.89), triangle)).isTrue();
    assertThat(Geo.inPolygon(new GeoPoint(37.5, 139.91), triangle)).isFalse();
    assertThat(Geo.inPolygon(new GeoPoint(37.55, 139.94), triangle)).isTrue();
    assertThat(Geo.inPolygon(new GeoPoint(37.55, 139.96), triangle)).isFalse();
  }

  @Test
  void theNotchOfAConcaveAreaIsOutsideAndItsArmsAreInside() {
    // A U open to the north: arms 139.80–139.85 and 139.95–140.00, base 37.40–37.45.
    List<GeoPoint> u =
        List.of(
            new GeoPoint(37.4, 139.8),
            new GeoPoint(37.6, 139.8),
            new GeoPoint(37.6, 139.85),
            new GeoPoint(37.45, 139.85),
            new GeoPoint(37.45, 139.95),
            new GeoPoint(37.6, 139.95),
            new GeoPoint(37.6, 140.0),
            new GeoPoint(37.4, 140.0));

    assertThat(Geo.inPolygon(new GeoPoint(37.5, 139.9), u)).as("notch").isFalse();
    assertThat(Geo.inPolygon(new GeoPoint(37.5, 139.82), u)).as("west arm").isTrue();
    assertThat(Geo.inPolygon(new GeoPoint(37.5, 139.98), u)).as("east arm").isTrue();
    assertThat(Geo.inPolygon(new GeoPoint(37.42, 139.9), u)).as("base").isTrue();
  }

  /**
   * Ray casting counts an edge crossing half-open, so the western and southern edges belong to an
   * area and the eastern and northern ones to its neighbours: a point on a shared border is in
   * exactly one of two adjacent areas, never both or neither.
   */
  @Test
  void aPointOnTheBorderOfTwoAdjacentAreasIsInExactlyOne() {
    List<GeoPoint> west = rectangle(37.4, 37.6, 139.8, 139.9);
    List<GeoPoint> east = rectangle(37.4, 37.6, 139.9, 140.0);
    List<GeoPoint> south = rectangle(37.4, 37.5, 139.8, 140.0);
    List<GeoPoint> north = rectangle(37.5, 37.6, 139.8, 140.0);
    GeoPoint onMeridianBorder = new GeoPoint(37.5, 139.9);
    GeoPoint onParallelBorder = new GeoPoint(37.5, 139.85);

    assertThat(Geo.inPolygon(onMeridianBorder, west)).isFalse();
    assertThat(Geo.inPolygon(onMeridianBorder, east)).isTrue();
    assertThat(Geo.inPolygon(onParallelBorder, south)).isFalse();
    assertThat(Geo.inPolygon(onParallelBorder, north)).isTrue();
  }

  private static List<GeoPoint> rectangle(double south, double north, double west, double east) {
    return List.of(
        new GeoPoint(south, west),
        new GeoPoint(north, west),
        new GeoPoint(north, east),
        new GeoPoint(south, east));
  }

  /** The angle between two points as unit vectors from the Earth's centre: not the haversine. */
  private static double angleBetweenUnitVectors(GeoPoint a, GeoPoint b) {
    double[] u = unitVector(a);
    double[] v = unitVector(b);
    double cx = u[1] * v[2] - u[2] * v[1];
    double cy = u[2] * v[0] - u[0] * v[2];
    double cz = u[0] * v[1] - u[1] * v[0];
    double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot);
  }

  private static double[] unitVector(GeoPoint p) {
    double lat = Math.toRadians(p.lat());
    double lon = Math.toRadians(p.lon());
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }
}
