package io.kairan.ingest.alert;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.Samples;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.NoticeIds;
import io.kairan.ingest.source.Parsed;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertConnectorsTest {
  private final CapConnector cap = new CapConnector();
  private final JmaWarningConnector jma = new JmaWarningConnector();

  @Test
  void theNwsThunderstormWarningIsAnEmergencyForItsPolygon() {
    Parsed parsed = cap.parse(Samples.read("cap/us_nws_thunderstorm_oasis-example.cap.xml"), AIZU);

    Notice n = ((Item.Publish) parsed.items().get(0)).notice();
    assertThat(n.severity()).as("Severe and Immediate").isEqualTo(Severity.EMERGENCY);
    assertThat(n.category()).isEqualTo(Category.DISASTER);
    assertThat(n.title()).containsEntry("en-US", "SEVERE THUNDERSTORM WARNING");
    assertThat(n.body().get("en-US")).contains("TAKE COVER");
    assertThat(n.audience())
        .isInstanceOfSatisfying(
            Audience.WithinPolygon.class, p -> assertThat(p.points()).hasSize(5));
    assertThat(n.validity().until()).isEqualTo(Instant.parse("2003-06-17T23:00:00Z"));
    assertThat(n.problems()).isEmpty();
  }

  @Test
  void anEnvironmentCanadaUpdateIsANewVersionOfTheOriginalInBothLanguages() {
    Parsed parsed = cap.parse(Samples.read("cap/ca_envcanada_canada.cap.xml"), AIZU);

    Notice n = ((Item.Publish) parsed.items().get(0)).notice();
    assertThat(n.id())
        .as("the first reference is the chain's original")
        .isEqualTo(NoticeIds.of("cap", "cap@ec.gc.ca", "2.49.0.1.124.a3f342a4.2012"));
    assertThat(n.title()).containsKeys("en-CA", "fr-CA");
    assertThat(n.severity()).as("urgency Past").isEqualTo(Severity.INFO);
    assertThat(n.audience()).isInstanceOf(Audience.AnyOf.class);
    assertThat(n.problems()).isEmpty();
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
  void theJmaFeedsWarningEntriesAreFetchedAndRead() {
    var feed = new JmaFeedConnector(uri -> Samples.read("jma/fukushima_warning_20160310.xml"));

    Parsed parsed = feed.parse(Samples.read("jma/extra_feed_sample.atom.xml"), AIZU);

    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.items()).hasSize(2).allMatch(i -> i instanceof Item.WithdrawAll);
  }
}
