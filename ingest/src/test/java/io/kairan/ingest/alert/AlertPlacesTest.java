package io.kairan.ingest.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.Samples;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Where a CAP alert lands, town by town: each shape or geocode reaches the towns picked by hand
 * from the map (the shipped town points of 会津若松市, and one town of each neighbouring city) and no
 * other. The audience is evaluated at each town's point, which is a resident's home point, with the
 * model's geometry the matcher uses.
 */
class AlertPlacesTest {
  private static final String AIZU = "072028";
  private static final String KITAKATA = "072087";
  private static final String KORIYAMA = "072036";

  /** A resident's town in each city: 追手町 (by 鶴ヶ城), 喜多方市役所's town, 郡山駅's town. */
  private static final Map<String, GeoPoint> HOME_OF =
      Map.of(
          AIZU, new GeoPoint(37.488529, 139.930187),
          KITAKATA, new GeoPoint(37.6509, 139.8747),
          KORIYAMA, new GeoPoint(37.3983, 140.3882));

  private final CapConnector cap = new CapConnector(MunicipalityArea.shipped(AIZU));

  /** The 262 towns of 会津若松市 shipped with ingest, by name. */
  private static Map<String, GeoPoint> aizuTowns() throws IOException {
    Map<String, GeoPoint> towns = new LinkedHashMap<>();
    try (InputStream in = MunicipalityArea.class.getResourceAsStream("072028-towns.csv");
        CSVParser csv =
            CSVParser.parse(
                new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord row : csv) {
        towns.put(
            row.get("town"),
            new GeoPoint(Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon"))));
      }
    }
    return towns;
  }

  /** The towns of 会津若松市 whose residents the audience reaches. */
  private static Set<String> aizuTownsReached(Audience audience) throws IOException {
    Set<String> reached = new TreeSet<>();
    aizuTowns()
        .forEach(
            (town, home) -> {
              if (audience.accept(new Reach(AIZU, home))) {
                reached.add(town);
              }
            });
    return reached;
  }

  /**
   * Whether a resident of this municipality living at this point is in an alert's audience: the
   * kinds an alert can have, evaluated as the matcher evaluates them.
   */
  private record Reach(String municipality, GeoPoint home) implements Audience.Visitor<Boolean> {
    @Override
    public Boolean everyone(Audience.Everyone everyone) {
      return true;
    }

    @Override
    public Boolean allOf(Audience.AllOf allOf) {
      return allOf.all().stream().allMatch(a -> a.accept(this));
    }

    @Override
    public Boolean anyOf(Audience.AnyOf anyOf) {
      return anyOf.any().stream().anyMatch(a -> a.accept(this));
    }

    @Override
    public Boolean not(Audience.Not not) {
      return !not.not().accept(this);
    }

    @Override
    public Boolean municipality(Audience.InMunicipality m) {
      return m.code().equals(municipality);
    }

    @Override
    public Boolean polygon(Audience.WithinPolygon polygon) {
      return Geo.inPolygon(home, polygon.points());
    }

    @Override
    public Boolean circle(Audience.WithinCircle circle) {
      return Geo.distanceKm(home, circle.center()) <= circle.radiusKm();
    }

    @Override
    public Boolean district(Audience.InDistrict district) {
      throw new AssertionError("an alert's audience names no district");
    }

    @Override
    public Boolean age(Audience.AgeBetween age) {
      throw new AssertionError("an alert's audience has no age");
    }

    @Override
    public Boolean childAge(Audience.HasChildAgedBetween childAge) {
      throw new AssertionError("an alert's audience has no child age");
    }

    @Override
    public Boolean language(Audience.Speaks language) {
      throw new AssertionError("an alert's audience has no language");
    }

    @Override
    public Boolean interest(Audience.InterestedIn interest) {
      throw new AssertionError("an alert's audience has no interest");
    }
  }

  /** A CAP 1.2 alert whose single info block has this area content. */
  private static byte[] alertFor(String area) {
    return ("""
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>P-1</identifier>
        <sender>bousai@example.jp</sender><sent>2026-11-23T10:00:00+09:00</sent><status>Actual</status>
        <msgType>Alert</msgType><scope>Public</scope><info><language>ja</language><category>Fire</category>
        <event>火災</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>
        <headline>火災による避難指示</headline><area><areaDesc>対象地域</areaDesc>
        """
            + area
            + "</area></info></alert>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Audience audience(Parsed parsed) {
    assertThat(parsed.rejected()).as("rejected").isEmpty();
    return ((Item.Publish) parsed.items().get(0)).notice().audience();
  }

  private static SourceContext importedFor(String municipality) {
    return new SourceContext("test-source", municipality, Samples.NOW);
  }

  @Test
  void aPolygonAroundTheCastleReachesItsThreeTownsWithTheCoordinatesInLatLonOrder()
      throws IOException {
    // Drawn on the map around 追手町, 城南町 and 南町; 表町 is 200 m south, 城東町 350 m east.
    Audience audience =
        audience(
            cap.parse(
                alertFor(
                    "<polygon>37.4835,139.9265 37.4835,139.9320 37.4900,139.9320 37.4890,139.9265"
                        + " 37.4835,139.9265</polygon>"),
                importedFor(AIZU)));

    assertThat(((Audience.WithinPolygon) audience).points().get(2))
        .as("CAP's third vertex: north-east, latitude first")
        .isEqualTo(new GeoPoint(37.4900, 139.9320));
    assertThat(aizuTownsReached(audience)).containsExactlyInAnyOrder("追手町", "城南町", "南町");
  }

  @Test
  void aCircleReachesTheTownsWithinItsRadiusOnly() throws IOException {
    // 420 m around 追手町: 城南町 is 357 m away, 南町 473 m, 東栄町 530 m.
    Audience audience =
        audience(
            cap.parse(alertFor("<circle>37.488529,139.930187 0.42</circle>"), importedFor(AIZU)));

    assertThat(audience)
        .isEqualTo(new Audience.WithinCircle(new GeoPoint(37.488529, 139.930187), 0.42));
    assertThat(aizuTownsReached(audience)).containsExactlyInAnyOrder("追手町", "城南町");
  }

  @Test
  void aCircleCentredNorthOfTheCityReachesOnlyTheTownsItCrossesInto() throws IOException {
    // 4.5 km around a point 4 km north of the city's northern edge: 河東町福島 is 3.96 km away,
    // 河東町岡田 4.09 km, 河東町大田原 4.74 km.
    Audience audience =
        audience(cap.parse(alertFor("<circle>37.61,139.90 4.5</circle>"), importedFor(AIZU)));

    assertThat(aizuTownsReached(audience)).containsExactlyInAnyOrder("河東町福島", "河東町岡田");
  }

  @Test
  void aCircleAroundKitakataThatReachesNoTownOfTheCityIsRefused() {
    // 5 km around 喜多方市役所; the city's northernmost town point is 8.5 km south of it.
    Parsed parsed = cap.parse(alertFor("<circle>37.6509,139.8747 5</circle>"), importedFor(AIZU));

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.reason())
                    .isEqualTo(
                        "no area resolves to municipality 072028: a polygon or circle outside"
                            + " municipality 072028"));
  }

  @Test
  void eachJisGeocodeReachesOnlyTheResidentsOfItsOwnMunicipality() {
    List<String> cities = List.of(AIZU, KITAKATA, KORIYAMA);
    for (String geocode : cities) {
      byte[] alert =
          alertFor(
              "<geocode><valueName>JISX0402</valueName><value>" + geocode + "</value></geocode>");
      for (String importer : cities) {
        Parsed parsed = cap.parse(alert, importedFor(importer));
        if (!importer.equals(geocode)) {
          assertThat(parsed.items()).as("%s imported for %s", geocode, importer).isEmpty();
          continue;
        }
        Audience audience = audience(parsed);
        for (String resident : cities) {
          assertThat(audience.accept(new Reach(resident, HOME_OF.get(resident))))
              .as("alert %s reaches a resident of %s", geocode, resident)
              .isEqualTo(resident.equals(geocode));
        }
      }
    }
  }
}
