package io.kairan.ingest.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.ingest.Samples;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The GSI site lists as the city publishes them, and files a city might get wrong. */
class GsiSiteFileTest {
  private static final String EVACUATION =
      "city/aizuwakamatsu_designated_emergency_evacuation_sites.csv";
  private static final String SHELTERS = "city/aizuwakamatsu_designated_shelters.csv";

  private static GsiSiteFile.Read evacuation(String csv) throws Exception {
    return GsiSiteFile.read(
        csv.getBytes(StandardCharsets.UTF_8), SiteKind.EVACUATION_SITE, "072028");
  }

  @Test
  void theCitysEvacuationSitesAreReadWithTheHazardsEachIsSafeFor() throws Exception {
    var read = GsiSiteFile.read(Samples.read(EVACUATION), SiteKind.EVACUATION_SITE, "072028");

    assertThat(read.refused()).isEmpty();
    assertThat(read.sites()).hasSize(199);
    // Counted in the file by hand (awk on the 洪水 and 地震 columns): 124 and 193 rows hold "1".
    assertThat(read.sites()).filteredOn(s -> s.safeFor().contains(Hazard.FLOOD)).hasSize(124);
    assertThat(read.sites()).filteredOn(s -> s.safeFor().contains(Hazard.EARTHQUAKE)).hasSize(193);
    // 19901,E0720200001201,…,物流修景緑地,…,1,1,,1,,1,1,,,,37.520576,139.917932
    assertThat(read.sites())
        .filteredOn(s -> s.id().equals("evacuation-E0720200001201"))
        .singleElement()
        .isEqualTo(
            new EvacuationSite(
                "evacuation-E0720200001201",
                SiteKind.EVACUATION_SITE,
                "072028",
                "物流修景緑地",
                "福島県会津若松市インター西120",
                new GeoPoint(37.520576, 139.917932),
                EnumSet.of(
                    Hazard.FLOOD,
                    Hazard.LANDSLIDE,
                    Hazard.EARTHQUAKE,
                    Hazard.LARGE_FIRE,
                    Hazard.INLAND_FLOOD),
                Set.of()));
  }

  @Test
  void theCitysSheltersAreReadWithWhomTheyTakeIn() throws Exception {
    var read = GsiSiteFile.read(Samples.read(SHELTERS), SiteKind.SHELTER, "072028");

    assertThat(read.refused()).isEmpty();
    assertThat(read.sites()).hasSize(102);
    assertThat(read.sites()).filteredOn(s -> s.accepts().contains("高齢者")).hasSize(14);
    assertThat(read.sites()).allMatch(s -> s.safeFor().isEmpty() && s.id().startsWith("shelter-"));
  }

  @Test
  void columnsAreFoundByTheirHeaderInAnyOrderWithABom() throws Exception {
    var read = evacuation("\uFEFFlon,lat,地震,施設・場所名,共通ID,洪水,extra\n" + "139.9,37.5,1,公園,E1,,x\n");

    assertThat(read.sites())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.location()).isEqualTo(new GeoPoint(37.5, 139.9));
              assertThat(s.safeFor()).containsExactly(Hazard.EARTHQUAKE);
              assertThat(s.name()).isEqualTo("公園");
            });
  }

  @Test
  void aBadRowIsRefusedWithItsLineAndReasonAndTheOthersAreKept() throws Exception {
    var read =
        evacuation(
            "共通ID,施設・場所名,洪水,lat,lon\n"
                + "E1,公園,1,37.5,139.9\n"
                + "E2,川原,1,north,139.9\n"
                + ",名無し,1,37.5,139.9\n"
                + "E3,海の上,1,95,139.9\n"
                + "E1,公園の二つ目,1,37.5,139.9\n"
                + "E4,,1,37.5,139.9\n");

    assertThat(read.sites()).extracting(EvacuationSite::id).containsExactly("evacuation-E1");
    assertThat(read.refused())
        .extracting(GsiSiteFile.Refused::line, GsiSiteFile.Refused::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "lat 'north' is not a number"),
            org.assertj.core.groups.Tuple.tuple(4L, "共通ID is empty"),
            org.assertj.core.groups.Tuple.tuple(5L, "location.lat: must be between -90 and 90"),
            org.assertj.core.groups.Tuple.tuple(6L, "the id appears twice"),
            org.assertj.core.groups.Tuple.tuple(7L, "name: must not be blank"));
  }

  @Test
  void aFileThatIsNoSiteListIsRefusedWhole() {
    assertThatThrownBy(() -> evacuation("名称,開始日\nお祭り,2026-11-23\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 共通ID");
    assertThatThrownBy(() -> evacuation("共通ID,施設・場所名,lat,lon\nE1,公園,37.5,139.9\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no hazard column");
  }

  @Test
  void aFileFarLargerThanAnyCitysListIsRefusedBeforeItIsRead() {
    byte[] huge = new byte[GsiSiteFile.MAX_BYTES + 1];

    assertThatThrownBy(() -> GsiSiteFile.read(huge, SiteKind.SHELTER, "072028"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void aShiftJisFileIsRefusedWithHowToConvertIt() {
    byte[] sjis =
        "共通ID,施設・場所名,洪水,lat,lon\nE1,公園,1,37.5,139.9\n"
            .getBytes(java.nio.charset.Charset.forName("Shift_JIS"));

    assertThatThrownBy(() -> GsiSiteFile.read(sjis, SiteKind.EVACUATION_SITE, "072028"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not UTF-8")
        .hasMessageContaining("iconv");
  }

  @Test
  void theJapaneseNamesOfThePointsColumnsAreReadToo() throws Exception {
    var read = evacuation("共通ID,施設・場所名,洪水,緯度,経度\nE1,公園,1,37.5,139.9\n");

    assertThat(read.sites())
        .singleElement()
        .extracting(EvacuationSite::location)
        .isEqualTo(new GeoPoint(37.5, 139.9));
  }

  @Test
  void aQuoteNeverClosedRefusesTheRestAndKeepsTheRowsBefore() throws Exception {
    var read =
        evacuation(
            "共通ID,施設・場所名,洪水,lat,lon\nE1,公園,1,37.5,139.9\nE2,\"川原,1,37.5,139.9\nE3,森,1,37.5,139.9\n");

    assertThat(read.sites()).extracting(EvacuationSite::id).containsExactly("evacuation-E1");
    assertThat(read.refused())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("quote never closed"));
  }

  @Test
  void aNameWithMarkupOrALineBreakIsRefused() throws Exception {
    var read =
        evacuation(
            "共通ID,施設・場所名,洪水,lat,lon\nE1,<b>公園</b>,1,37.5,139.9\nE2,\"川原\n二行目\",1,37.5,139.9\n");

    assertThat(read.sites()).isEmpty();
    assertThat(read.refused())
        .extracting(GsiSiteFile.Refused::reason)
        .containsExactly(
            "name: must be one line of plain text", "name: must be one line of plain text");
  }

  @Test
  void onlySitesOfTheKindsReadAndNoLongerListedAreRemoved() {
    var onTopic = java.util.Set.of("evacuation-E1", "evacuation-E2", "shelter-S1");

    assertThat(
            SitesOnTopic.gone(
                onTopic,
                java.util.Set.of("evacuation-E1"),
                java.util.EnumSet.of(SiteKind.EVACUATION_SITE)))
        .as("no shelters file: the shelters stay")
        .containsExactly("evacuation-E2");
  }
}
