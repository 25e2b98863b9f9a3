package io.kairan.ingest.opendata;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.Samples;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.Parsed;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventListConnectorTest {
  private final EventListConnector connector = EventListConnector.withDefaultDictionaries();

  private static List<Notice> notices(Parsed parsed) {
    return parsed.items().stream().map(i -> ((Item.Publish) i).notice()).toList();
  }

  @Test
  void zamasCatalogueLayoutWithBomBecomesOneNoticePerEvent() {
    Parsed parsed = connector.parse(Samples.read("opendata-events/zama_142166_events.csv"), AIZU);

    assertThat(parsed.read()).isEqualTo(16);
    assertThat(parsed.rejected()).isEmpty();
    assertThat(notices(parsed))
        .hasSize(8)
        .allSatisfy(n -> assertThat(n.problems()).isEmpty())
        .allMatch(n -> n.municipalityCode().equals("142166"));
    Notice repeated = notices(parsed).get(0);
    assertThat(repeated.title()).containsEntry("ja", "ざまりんのおうち「出張るーむ」");
    assertThat(repeated.category()).isEqualTo(Category.CHILDCARE);
    assertThat(repeated.body().get("ja")).contains("2022-01-28 10:00〜13:00", "2022-03-30");
    assertThat(repeated.validity().from()).isEqualTo(Instant.parse("2022-01-27T15:00:00Z"));
    assertThat(repeated.validity().until()).isEqualTo(Instant.parse("2022-03-30T15:00:00Z"));
  }

  @Test
  void okazakisSeventyNineColumnLayoutWithMixedDateStylesIsRead() {
    Parsed parsed =
        connector.parse(Samples.read("opendata-events/okazaki_232025_events_excerpt.csv"), AIZU);

    assertThat(parsed.read()).isEqualTo(12);
    assertThat(parsed.rejected()).isEmpty();
    assertThat(notices(parsed))
        .hasSize(12)
        .allMatch(n -> n.municipalityCode().equals("232025"))
        .allSatisfy(n -> assertThat(n.problems()).isEmpty());
    assertThat(notices(parsed))
        .anySatisfy(
            n -> assertThat(n.validity().from()).isEqualTo(Instant.parse("2026-08-20T15:00:00Z")));
  }

  @Test
  void rereadingGivesTheSameIds() {
    byte[] csv = Samples.read("opendata-events/zama_142166_events.csv");

    assertThat(notices(connector.parse(csv, AIZU)))
        .extracting(Notice::id)
        .isEqualTo(notices(connector.parse(csv, AIZU)).stream().map(Notice::id).toList());
  }

  private static final String HEADER = "NO,都道府県コード又は市区町村コード,名称,開始日,終了日,開始時刻,対象者,イベント種類\n";

  @Test
  void aFormulaCellRejectsItsRowAndTheOtherRowsStillArrive() {
    String csv =
        HEADER
            + "1,072028,=HYPERLINK(\"http://evil\"),2026-12-01,,,,\n2,072028,市民清掃デー,2026/12/06,,9:00,どなたでも,\n";

    Parsed parsed = connector.parse(csv.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("spreadsheet formula"));
    assertThat(notices(parsed)).extracting(n -> n.title().get("ja")).containsExactly("市民清掃デー");
  }

  @Test
  void sentinelAndMissingDatesAreToleratedButAMissingStartIsNot() {
    String csv =
        HEADER
            + "1,072028,夜間の相談会,2026年12月1日,9999/12/31,,,\n2,072028,日付なし,未定,,,,\n3,072028,壊れた日付,2026-13-45,,,,\n";

    Parsed parsed = connector.parse(csv.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(notices(parsed))
        .singleElement()
        .satisfies(
            n -> assertThat(n.validity().until()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z")));
    assertThat(parsed.rejected())
        .extracting(r -> r.reason())
        .containsExactly("開始日 is empty", "'2026-13-45' is not a date");
  }

  @Test
  void targetPhrasesBecomeAudiences() {
    String csv =
        HEADER
            + "1,072028,読み聞かせ,2026-12-01,,,小学生と高齢者,子育て・教育\n2,072028,清掃,2026-12-01,,,どなたでも,\n3,072028,講演会,2026-12-01,,,,\n";

    List<Notice> notices = notices(connector.parse(csv.getBytes(StandardCharsets.UTF_8), AIZU));

    assertThat(notices.get(0).audience())
        .isEqualTo(
            new Audience.AnyOf(
                List.of(
                    new Audience.HasChildAgedBetween(6, 12), new Audience.AgeBetween(65, 130))));
    assertThat(notices.get(1).audience()).isEqualTo(new Audience.Everyone());
    assertThat(notices.get(2).audience())
        .as("no target: the whole municipality")
        .isEqualTo(new Audience.Everyone());
  }

  @Test
  void shiftJisFilesAreDecoded() {
    String csv = HEADER + "1,,盆踊り大会,2026-08-15,,,,\n";

    Parsed parsed = connector.parse(csv.getBytes(Charset.forName("windows-31j")), AIZU);

    assertThat(notices(parsed))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.title()).containsEntry("ja", "盆踊り大会");
              assertThat(n.municipalityCode())
                  .as("empty code: the importer's municipality")
                  .isEqualTo("072028");
            });
  }

  @Test
  void oversizedCellsAreRefused() {
    String csv = HEADER + "1,072028," + "あ".repeat(6000) + ",2026-12-01,,,,\n";

    assertThat(connector.parse(csv.getBytes(StandardCharsets.UTF_8), AIZU).rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("longer than"));
  }
}
