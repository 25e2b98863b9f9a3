package io.kairan.ingest.opendata;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kairan.ingest.Samples;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.NoticeIds;
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

  private List<Notice> noticesOf(String csv) {
    return notices(connector.parse(csv.getBytes(StandardCharsets.UTF_8), AIZU));
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
  void aBrokenQuoteRejectsTheRestOfTheFileFromItsRowAndTheRowsBeforeItStillArrive() {
    String csv =
        HEADER
            + "1,072028,市民清掃デー,2026-12-06,,,,\n"
            + "2,072028,\"雪まつり,2027-02-10,,,,\n"
            + "3,072028,絵ろうそくまつり,2027-02-11,,,,\n";

    Parsed parsed = connector.parse(csv.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(notices(parsed)).extracting(n -> n.title().get("ja")).containsExactly("市民清掃デー");
    assertThat(parsed.read()).isEqualTo(2);
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.sourceRef()).isEqualTo("row 3");
              assertThat(r.raw())
                  .isEqualTo("2,072028,\"雪まつり,2027-02-10,,,,\n3,072028,絵ろうそくまつり,2027-02-11,,,,");
              assertThat(r.reason())
                  .isEqualTo(
                      "the rest of the file from this row on is not readable CSV: (startline 3)"
                          + " EOF reached before encapsulated token finished");
            });
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

    List<Notice> notices = noticesOf(csv);

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

  @Test
  void rowsSharingANoButNotATitleAreSeparateEventsEachWithItsOwnStableId() {
    String csv =
        HEADER
            + "7,072028,朝市,2026-12-01,,,,\n7,072028,朝市,2026-12-08,,,,\n7,072028,落語会,2026-12-05,,,,\n";

    List<Notice> notices = noticesOf(csv);

    assertThat(notices)
        .extracting(Notice::id, n -> n.title().get("ja"))
        .containsExactly(
            tuple(NoticeIds.of("od", "072028", "7"), "朝市"),
            tuple(NoticeIds.of("od", "072028", "7", "落語会"), "落語会"));
    assertThat(notices.get(0).validity().until())
        .as("the same title on two dates is one event")
        .isEqualTo(Instant.parse("2026-12-08T15:00:00Z"));
  }

  /** The 79 columns of the standard layout and two more, as a published 81-column file has. */
  private static String header81() {
    String header79 =
        new String(
                Samples.read("opendata-events/okazaki_232025_events_excerpt.csv"),
                StandardCharsets.UTF_8)
            .lines()
            .findFirst()
            .orElseThrow()
            .replace("\uFEFF", "");
    return header79 + ",画像_説明,更新日\n";
  }

  private static String row81(String title, String start, String place) {
    List<String> cells = new java.util.ArrayList<>(java.util.Collections.nCopies(81, ""));
    cells.set(0, "232025");
    cells.set(4, title);
    cells.set(16, start);
    cells.set(38, place);
    return String.join(",", cells) + "\n";
  }

  @Test
  void anEightyOneColumnFileWithEveryIdEmptyImportsWithIdsFromTheContent() {
    String csv =
        header81()
            + row81("花火大会", "2026/08/01", "乙川河畔")
            + row81("花火大会", "2026/08/02", "乙川河畔")
            + row81("朝市", "2026/08/01", "");
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

    Parsed parsed = connector.parse(bytes, AIZU);

    assertThat(parsed.rejected()).isEmpty();
    assertThat(notices(parsed))
        .extracting(Notice::id)
        .containsExactly(
            NoticeIds.of("od", "232025", "content", "花火大会", "2026-08-01", "乙川河畔"),
            NoticeIds.of("od", "232025", "content", "花火大会", "2026-08-02", "乙川河畔"),
            NoticeIds.of("od", "232025", "content", "朝市", "2026-08-01", ""))
        .as("a re-read is unchanged")
        .isEqualTo(notices(connector.parse(bytes, AIZU)).stream().map(Notice::id).toList());
  }

  @Test
  void aDashFollowedByAFormulaATabAndACarriageReturnAreRefusedLikeEquals() {
    String csv =
        HEADER
            + "1,072028,-2+3+cmd|' /C calc'!A0,2026-12-01,,,,\n"
            + "2,072028,\"\t=1+1\",2026-12-01,,,,\n"
            + "3,072028,\"\rSUM(A1)\",2026-12-01,,,,\n"
            + "4,072028,- 参加無料の講座,2026-12-01,-,,,\n";

    Parsed parsed = connector.parse(csv.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.rejected())
        .extracting(r -> r.sourceRef() + ": " + r.reason())
        .containsExactly(
            "row 2: a cell begins with '-' (a spreadsheet formula), refused",
            "row 3: a cell begins with '\\t' (a spreadsheet formula), refused",
            "row 4: a cell begins with '\\r' (a spreadsheet formula), refused");
    assertThat(notices(parsed))
        .as("a dash before Japanese text and the '-' sentinel are text")
        .extracting(n -> n.title().get("ja"))
        .containsExactly("- 参加無料の講座");
  }

  @Test
  void japaneseEraDatesAndFullWidthDigitsAreRead() {
    String csv =
        HEADER + "1,072028,市民講座,令和８年１１月２６日,令和8年11月27日,１０：００,,\n" + "2,072028,記念式典,令和元年5月1日,,,,\n";

    List<Notice> notices = noticesOf(csv);

    assertThat(notices.get(0).validity().from()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
    assertThat(notices.get(0).validity().until()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
    assertThat(notices.get(0).body().get("ja")).contains("2026-11-26〜2026-11-27 10:00");
    assertThat(notices.get(1).validity().from()).isEqualTo(Instant.parse("2019-04-30T15:00:00Z"));
  }

  @Test
  void utf16WithByteOrderMarkAndEucJpFilesAreDecoded() {
    String csv = HEADER + "1,072028,盆踊り大会,2026-08-15,,,,\n";
    byte[] utf16le = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16be = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16BE);
    byte[] eucJp = csv.getBytes(Charset.forName("EUC-JP"));

    for (byte[] file : List.of(utf16le, utf16be, eucJp)) {
      assertThat(notices(connector.parse(file, AIZU)))
          .singleElement()
          .satisfies(n -> assertThat(n.title()).containsEntry("ja", "盆踊り大会"));
    }
  }
}
