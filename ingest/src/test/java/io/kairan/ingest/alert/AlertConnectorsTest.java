package io.kairan.ingest.alert;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.ingest.Samples;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.NoticeIds;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertConnectorsTest {
  private static final SourceContext SAPPORO =
      new SourceContext("test-source", "011002", Samples.NOW);
  private final CapConnector cap = new CapConnector(MunicipalityArea.shipped("072028"));
  private final JmaWarningConnector jma = new JmaWarningConnector();

  /** A CAP 1.2 alert from a Japanese sender whose single info block has these areas. */
  private static byte[] capAlert(String areas) {
    return ("""
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>A-1</identifier>
        <sender>city@example.jp</sender><sent>2026-11-23T10:00:00+09:00</sent><status>Actual</status>
        <msgType>Alert</msgType><scope>Public</scope><info><language>ja</language><category>Geo</category>
        <event>津波</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
        <headline>大津波警報</headline><description>高台へ避難してください。</description>
        """
            + areas
            + "</info></alert>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Notice published(Parsed parsed) {
    assertThat(parsed.rejected()).isEmpty();
    return ((Item.Publish) parsed.items().get(0)).notice();
  }

  @Test
  void aUsWarningWithSameGeocodesAndACaliforniaPolygonIsRefusedForAizuwakamatsu() {
    Parsed parsed = cap.parse(Samples.read("cap/us_nws_thunderstorm_oasis-example.cap.xml"), AIZU);

    assertThat(parsed.items()).as("never an alert for everyone").isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.reason())
                    .startsWith("no area resolves to municipality 072028")
                    .contains("the scheme 'SAME'")
                    .contains("a polygon or circle outside municipality 072028"));
  }

  @Test
  void theNwsWarningForAPlaceInsideItsPolygonIsAnEmergencyForThatPolygonInLatLonOrder() {
    // A municipality whose only town point lies inside the warning's polygon in California.
    var inside = new MunicipalityArea("072028", List.of(new GeoPoint(38.49, -119.93)));

    Notice n =
        published(
            new CapConnector(inside)
                .parse(Samples.read("cap/us_nws_thunderstorm_oasis-example.cap.xml"), AIZU));

    assertThat(n.severity()).as("Severe and Immediate").isEqualTo(Severity.EMERGENCY);
    assertThat(n.category()).isEqualTo(Category.DISASTER);
    assertThat(n.title()).containsEntry("en-US", "SEVERE THUNDERSTORM WARNING");
    assertThat(n.body().get("en-US")).contains("TAKE COVER");
    assertThat(n.audience())
        .isEqualTo(
            new Audience.WithinPolygon(
                List.of(
                    new GeoPoint(38.47, -120.14),
                    new GeoPoint(38.34, -119.95),
                    new GeoPoint(38.52, -119.74),
                    new GeoPoint(38.62, -119.89),
                    new GeoPoint(38.47, -120.14))));
    assertThat(n.validity().until()).isEqualTo(Instant.parse("2003-06-17T23:00:00Z"));
    assertThat(n.problems()).isEmpty();
  }

  @Test
  void anEnvironmentCanadaAlertWithCapCpLocationCodesIsRefusedForAizuwakamatsu() {
    Parsed parsed = cap.parse(Samples.read("cap/ca_envcanada_canada.cap.xml"), AIZU);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.sourceRef()).isEqualTo("cap@ec.gc.ca,2.49.0.1.124.6bddbc91.2012");
              assertThat(r.reason())
                  .contains("the scheme 'profile:CAP-CP:Location:0.3'")
                  .contains("the scheme 'layer:EC-MSC-SMC:1.0:CLC'")
                  .contains("outside municipality 072028");
            });
  }

  @Test
  void aJisGeocodeOfTheCityPlacesTheAlertOnTheWholeCity() {
    Notice n =
        published(
            cap.parse(
                capAlert(
                    "<area><areaDesc>会津若松市</areaDesc><geocode><valueName>JISX0402</valueName>"
                        + "<value>07202</value></geocode></area>"),
                AIZU));

    assertThat(n.audience()).isEqualTo(new Audience.InMunicipality("072028"));
    assertThat(n.severity()).isEqualTo(Severity.EMERGENCY);
    assertThat(n.title()).containsEntry("ja", "大津波警報");
  }

  @Test
  void aJmaAreaCodeGeocodeOfTheCityPlacesTheAlertOnTheWholeCity() {
    Notice n =
        published(
            cap.parse(
                capAlert(
                    "<area><areaDesc>会津若松市</areaDesc><geocode><valueName>JMA area code</valueName>"
                        + "<value>0720200</value></geocode></area>"),
                AIZU));

    assertThat(n.audience()).isEqualTo(new Audience.InMunicipality("072028"));
  }

  @Test
  void aJapaneseAlertForSapporoIsRefusedForAizuwakamatsuAndPlacedForSapporo() {
    byte[] sapporo =
        capAlert(
            "<area><areaDesc>札幌市</areaDesc><geocode><valueName>JISX0402</valueName>"
                + "<value>011002</value></geocode><circle>43.0621,141.3544 10</circle></area>");

    assertThat(cap.parse(sapporo, AIZU).rejected())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.reason())
                    .contains("the geocode 011002 is not municipality 072028")
                    .contains("a polygon or circle outside municipality 072028"));
    assertThat(published(cap.parse(sapporo, SAPPORO)).audience())
        .isEqualTo(new Audience.InMunicipality("011002"));
  }

  @Test
  void aPolygonOverTheCityIsTheAudienceWithItsCoordinatesInLatLonOrder() {
    Notice n =
        published(
            cap.parse(
                capAlert(
                    "<area><areaDesc>鶴ヶ城周辺</areaDesc><polygon>37.48,139.90 37.48,139.95 37.52,139.95"
                        + " 37.52,139.90 37.48,139.90</polygon></area>"),
                AIZU));

    assertThat(n.audience())
        .isEqualTo(
            new Audience.WithinPolygon(
                List.of(
                    new GeoPoint(37.48, 139.90),
                    new GeoPoint(37.48, 139.95),
                    new GeoPoint(37.52, 139.95),
                    new GeoPoint(37.52, 139.90),
                    new GeoPoint(37.48, 139.90))));
  }

  @Test
  void onlyTheAreasThatReachTheCityMakeTheAudience() {
    Notice n =
        published(
            cap.parse(
                capAlert(
                    "<area><areaDesc>会津若松</areaDesc><circle>37.4947,139.9298 3</circle></area>"
                        + "<area><areaDesc>札幌</areaDesc><circle>43.0621,141.3544 10</circle></area>"),
                AIZU));

    assertThat(n.audience())
        .isEqualTo(new Audience.WithinCircle(new GeoPoint(37.4947, 139.9298), 3));
  }

  @Test
  void aPolygonCannotBePlacedInAMunicipalityWhoseTownsAreNotKnown() {
    Parsed parsed =
        cap.parse(
            capAlert("<area><areaDesc>札幌</areaDesc><circle>43.0621,141.3544 10</circle></area>"),
            SAPPORO);

    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("the towns of 011002 are not known"));
  }

  @Test
  void anAlertWithoutAnyAreaIsRefusedNotSentToEveryone() {
    assertThat(cap.parse(capAlert(""), AIZU).rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("names no area"));
  }

  @Test
  void aCancelWithdrawsTheReferencedAlert() {
    String cancel =
        """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>C-2</identifier><sender>city@example.jp</sender>
        <sent>2026-11-23T10:00:00+09:00</sent><status>Actual</status><msgType>Cancel</msgType><scope>Public</scope>
        <references>city@example.jp,A-1,2026-11-23T09:00:00+09:00</references></alert>
        """;

    Parsed parsed = cap.parse(cancel.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.items())
        .singleElement()
        .isEqualTo(
            new Item.Withdraw(
                NoticeIds.of("cap", "city@example.jp", "A-1"),
                "city@example.jp,C-2",
                "cancelled by city@example.jp,C-2"));
  }

  @Test
  void exercisesAndTestsAreNotForResidents() {
    String exercise =
        new String(
                Samples.read("cap/us_nws_thunderstorm_oasis-example.cap.xml"),
                StandardCharsets.UTF_8)
            .replace("<status>Actual</status>", "<status>Exercise</status>");

    assertThat(cap.parse(exercise.getBytes(StandardCharsets.UTF_8), AIZU).rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("Exercise"));
  }

  @Test
  void theFukushimaReportLiftsEveryWarningForAizuwakamatsu() {
    Parsed parsed = jma.parse(Samples.read("jma/fukushima_warning_20160310.xml"), AIZU);

    assertThat(parsed.items())
        .singleElement()
        .isEqualTo(
            new Item.WithdrawAll("jma-0720200-", "JMA 0720200", "no warnings in force for 会津若松市"));
  }

  @Test
  void aWarningInForceForTheCityIsAnEmergencyNoticeAndItsLiftingAWithdrawal() {
    String report =
        new String(Samples.read("jma/fukushima_warning_20160310.xml"), StandardCharsets.UTF_8);
    String aizu = "<Name>会津若松市</Name>";
    String issued =
        report.replaceFirst(
            "<Kind>\\s*<Status>発表警報・注意報はなし</Status>\\s*</Kind>(\\s*<Area>\\s*" + aizu + ")",
            "<Kind><Name>大雨警報</Name><Code>03</Code><Status>発表</Status></Kind><Kind><Name>雷注意報</Name><Code>14</Code><Status>解除</Status></Kind>$1");

    Parsed parsed = jma.parse(issued.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.items()).hasSize(2);
    Notice warning = ((Item.Publish) parsed.items().get(0)).notice();
    assertThat(warning.id()).isEqualTo("jma-0720200-03");
    assertThat(warning.severity()).isEqualTo(Severity.EMERGENCY);
    assertThat(warning.title()).containsEntry("ja", "会津若松市に大雨警報が発表されています");
    assertThat(warning.audience()).isEqualTo(new Audience.InMunicipality("072028"));
    assertThat(warning.problems()).isEmpty();
    assertThat(parsed.items().get(1))
        .isEqualTo(new Item.Withdraw("jma-0720200-14", "JMA 0720200", "雷注意報 lifted for 会津若松市"));
  }

  @Test
  void theJmaFeedIsReadOldestReportFirstSoAWarningLiftedLaterEndsWithdrawn() {
    String report =
        new String(Samples.read("jma/fukushima_warning_20160310.xml"), StandardCharsets.UTF_8);
    String aizuItem =
        "<Kind>\\s*<Status>発表警報・注意報はなし</Status>\\s*</Kind>(\\s*<Area>\\s*<Name>会津若松市</Name>)";
    Map<String, byte[]> reports =
        Map.of(
            "/data/issued.xml",
            report
                .replaceFirst(
                    aizuItem, "<Kind><Name>大雨警報</Name><Code>03</Code><Status>発表</Status></Kind>$1")
                .getBytes(StandardCharsets.UTF_8),
            "/data/lifted.xml",
            report
                .replaceFirst(
                    aizuItem, "<Kind><Name>大雨警報</Name><Code>03</Code><Status>解除</Status></Kind>$1")
                .getBytes(StandardCharsets.UTF_8));
    // As JMA lists them: the newest report (the lifting) first.
    String feedXml =
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>JMAXML publishing feed</title><id>urn:feed</id>
        <updated>2026-11-23T02:00:00Z</updated>
        <entry><title>気象警報・注意報</title><id>urn:lifted</id><updated>2026-11-23T01:30:00Z</updated>
        <link type="application/xml" href="http://xml.kishou.go.jp/data/lifted.xml"/></entry>
        <entry><title>気象警報・注意報</title><id>urn:issued</id><updated>2026-11-23T00:10:00Z</updated>
        <link type="application/xml" href="http://xml.kishou.go.jp/data/issued.xml"/></entry>
        </feed>
        """;
    var feed = new JmaFeedConnector(uri -> reports.get(uri.getPath()));

    Parsed parsed = feed.parse(feedXml.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.items())
        .extracting(i -> i.getClass().getSimpleName() + " " + i.sourceRef())
        .containsExactly("Publish JMA 0720200", "Withdraw JMA 0720200");
    assertThat(parsed.items().get(1))
        .isEqualTo(new Item.Withdraw("jma-0720200-03", "JMA 0720200", "大雨警報 lifted for 会津若松市"));
  }

  @Test
  void theJmaFeedsWarningEntriesAreFetchedAndRead() {
    var feed = new JmaFeedConnector(uri -> Samples.read("jma/fukushima_warning_20160310.xml"));

    Parsed parsed = feed.parse(Samples.read("jma/extra_feed_sample.atom.xml"), AIZU);

    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.items()).hasSize(2).allMatch(i -> i instanceof Item.WithdrawAll);
  }

  /** A JMA-like 気象警報・注意報 report with one municipal item: 大雨警報 announced for 札幌市. */
  private static final String SAPPORO_REPORT =
      """
      <Report xmlns="http://xml.kishou.go.jp/jmaxml1/">
        <Control><Title>気象警報・注意報</Title><PublishingOffice>札幌管区気象台</PublishingOffice></Control>
        <Head xmlns="http://xml.kishou.go.jp/jmaxml1/informationBasis1/">
          <ReportDateTime>2026-11-23T10:00:00+09:00</ReportDateTime></Head>
        <Body xmlns="http://xml.kishou.go.jp/jmaxml1/body/meteorology1/">
          <Warning type="気象警報・注意報（市町村等）"><Item>
            <Kind><Name>大雨警報</Name><Code>03</Code><Status>発表</Status></Kind>
            <Area><Name>札幌市</Name><Code>0110000</Code></Area>
          </Item></Warning>
        </Body>
      </Report>
      """;

  @Test
  void aJmaReportForSapporoIsRefusedForAizuwakamatsu() {
    Parsed parsed = jma.parse(SAPPORO_REPORT.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.reason())
                    .isEqualTo(
                        "no municipal warning item for JMA area 0720200 (municipality 072028) in this report"));
  }

  @Test
  void aJmaReportForSapporoIsAnEmergencyForSapporo() {
    Notice n = published(jma.parse(SAPPORO_REPORT.getBytes(StandardCharsets.UTF_8), SAPPORO));

    assertThat(n.id()).isEqualTo("jma-0110000-03");
    assertThat(n.audience()).isEqualTo(new Audience.InMunicipality("011002"));
    assertThat(n.severity()).isEqualTo(Severity.EMERGENCY);
  }

  @Test
  void theJmaFeedSkipsReportsForOtherAreasWithoutRejectingThem() {
    var feed = new JmaFeedConnector(uri -> SAPPORO_REPORT.getBytes(StandardCharsets.UTF_8));

    Parsed parsed = feed.parse(Samples.read("jma/extra_feed_sample.atom.xml"), AIZU);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected()).isEmpty();
  }

  @Test
  void aJmaReportWithoutAHeadIsRefusedWithTheReason() {
    String headless = SAPPORO_REPORT.replaceFirst("(?s)<Head .*</Head>", "");

    Parsed parsed = jma.parse(headless.getBytes(StandardCharsets.UTF_8), SAPPORO);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.reason())
                    .isEqualTo("a JMA report needs a Head (with ReportDateTime)"));
  }

  @Test
  void eachReportOfTheJmaFeedThatIsRefusedWholeIsADeadLetterNamedByItsLink() {
    var feed = new JmaFeedConnector(uri -> "not xml".getBytes(StandardCharsets.UTF_8));

    Parsed parsed = feed.parse(Samples.read("jma/extra_feed_sample.atom.xml"), AIZU);

    assertThat(parsed.rejected())
        .extracting(r -> r.sourceRef() + ": " + r.reason())
        .containsExactly(
            "http://xml.kishou.go.jp/data/afeedc52-107a-3d1d-9196-b108234d6e0f.xml: not well-formed"
                + " XML: Content is not allowed in prolog.",
            "http://xml.kishou.go.jp/data/2b441518-4e79-342c-a271-7c25597f3a69.xml: not well-formed"
                + " XML: Content is not allowed in prolog.");
  }

  @Test
  void theShippedTownsAreTheDemoCitys262PointsAndOtherCitiesHaveNone() {
    MunicipalityArea aizu = MunicipalityArea.shipped("072028");

    assertThat(aizu.towns()).hasSize(262).contains(new GeoPoint(37.524294, 139.914748));
    assertThat(MunicipalityArea.shipped("011002").towns()).isEmpty();
  }

  @Test
  void aTownsFileNeedsLatAndLonColumns() {
    assertThat(MunicipalityArea.townsCsv("011002", "town,lat,lon\n中央区,43.0555,141.3409\n").towns())
        .containsExactly(new GeoPoint(43.0555, 141.3409));
    assertThatThrownBy(
            () -> MunicipalityArea.townsCsv("011002", "town,y,x\n中央区,43.0555,141.3409\n"))
        .hasMessage("a towns file needs lat and lon columns");
  }
}
