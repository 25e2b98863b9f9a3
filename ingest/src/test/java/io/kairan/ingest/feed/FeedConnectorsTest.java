package io.kairan.ingest.feed;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.Samples;
import io.kairan.ingest.opendata.EventListConnector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.Parsed;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedConnectorsTest {
  private final NewsFeedConnector news =
      new NewsFeedConnector(EventListConnector.defaultCategories());
  private final CalendarConnector calendar =
      new CalendarConnector(EventListConnector.defaultCategories());

  private static List<Notice> notices(Parsed parsed) {
    return parsed.items().stream().map(i -> ((Item.Publish) i).notice()).toList();
  }

  @Test
  void theCmsRss2FeedBecomesOneNoticePerItemWithItsDate() {
    Parsed parsed = news.parse(Samples.read("feeds/municipal_cms_sample.rss2.xml"), AIZU);

    assertThat(parsed.rejected()).isEmpty();
    assertThat(notices(parsed))
        .hasSize(parsed.read())
        .allSatisfy(n -> assertThat(n.problems()).isEmpty());
    Notice first = notices(parsed).get(0);
    assertThat(first.title()).containsEntry("ja", "記事1");
    assertThat(first.body()).containsEntry("ja", "本文1");
    assertThat(first.url()).isEqualTo("http://example.jp/rss/1.html");
    assertThat(first.validity().from()).isEqualTo(Instant.parse("2015-06-12T10:00:00Z"));
  }

  @Test
  void atomAndRss1AreReadToo() {
    String atom =
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>市からのお知らせ</title><id>urn:x</id><updated>2026-11-20T00:00:00Z</updated>
        <entry><title>ごみ収集カレンダー</title><id>urn:a</id><updated>2026-11-20T00:00:00Z</updated><link href="https://city.example/a"/><category term="ごみ"/>
        <summary type="html">&lt;p&gt;新しい&lt;b&gt;カレンダー&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</summary></entry></feed>
        """;
    String rss1 =
        """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://city.example/"><title>t</title><link>https://city.example/</link><description>d</description></channel>
        <item rdf:about="https://city.example/b"><title>健診のお知らせ</title><link>https://city.example/b</link><description>本文</description></item></rdf:RDF>
        """;

    Notice fromAtom = notices(news.parse(atom.getBytes(StandardCharsets.UTF_8), AIZU)).get(0);
    Notice fromRss1 = notices(news.parse(rss1.getBytes(StandardCharsets.UTF_8), AIZU)).get(0);

    assertThat(fromAtom.category()).isEqualTo(Category.GARBAGE);
    assertThat(fromAtom.body().get("ja")).as("HTML sanitized to text").isEqualTo("新しいカレンダー");
    assertThat(fromRss1.title()).containsEntry("ja", "健診のお知らせ");
  }

  @Test
  void theEventCalendarsAllDayEventsAndRdateListsSpanTheirDays() {
    Parsed parsed = calendar.parse(Samples.read("feeds/municipal_cms_events.ics"), AIZU);

    assertThat(parsed.read()).isEqualTo(2);
    assertThat(parsed.rejected()).isEmpty();
    List<Notice> notices = notices(parsed);
    assertThat(notices.get(0).title()).containsEntry("ja", "Python 夏休み集中キャンプ");
    assertThat(notices.get(0).category()).isEqualTo(Category.CULTURE);
    assertThat(notices.get(0).body().get("ja"))
        .contains("夏休み最後の週に Python の集中キャンプを実施します。", "場所: 教育会館");
    assertThat(notices.get(0).validity().from()).isEqualTo(Instant.parse("2018-08-26T15:00:00Z"));
    assertThat(notices.get(0).validity().until())
        .as("DTEND is exclusive")
        .isEqualTo(Instant.parse("2018-08-31T15:00:00Z"));
    assertThat(notices.get(1).validity().from()).isEqualTo(Instant.parse("2018-07-29T15:00:00Z"));
    assertThat(notices.get(1).validity().until())
        .as("the last RDATE's day")
        .isEqualTo(Instant.parse("2018-09-28T15:00:00Z"));
    assertThat(notices).allSatisfy(n -> assertThat(n.problems()).isEmpty());
  }

  @Test
  void garbageIsRefusedWithAReason() {
    assertThat(calendar.parse("not a calendar".getBytes(StandardCharsets.UTF_8), AIZU).rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).startsWith("not an iCalendar file"));
    assertThat(news.parse("<html/>".getBytes(StandardCharsets.UTF_8), AIZU).rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).startsWith("not an RSS or Atom feed"));
  }

  @Test
  void aCalendarInAnUnknownTimeZoneIsRefusedWithTheZoneNamed() {
    byte[] ics =
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-TIMEZONE:Mars/Olympus\r\n"
                + "BEGIN:VEVENT\r\nUID:z-1\r\nSUMMARY:資源回収\r\nDTSTART;VALUE=DATE:20261201\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n")
            .getBytes(StandardCharsets.UTF_8);

    Parsed parsed = calendar.parse(ics, AIZU);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.sourceRef()).isEqualTo("document");
              assertThat(r.reason()).startsWith("X-WR-TIMEZONE Mars/Olympus is not a time zone");
            });
  }

  @Test
  void anEventThatIcal4jCannotParseIsRejectedAndTheOtherEventsStillArrive() {
    byte[] ics =
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:bad-rule\r\nSUMMARY:毎週の何か\r\nDTSTART;VALUE=DATE:20261201\r\n"
                + "RRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:good\r\nSUMMARY:資源回収\r\nDTSTART;VALUE=DATE:20261201\r\n"
                + "END:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:bad-date\r\nSUMMARY:臨時回収\r\nDTSTART;VALUE=DATE:20261201\r\n"
                + "RDATE;VALUE=DATE:someday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
            .getBytes(StandardCharsets.UTF_8);

    Parsed parsed = calendar.parse(ics, AIZU);

    assertThat(parsed.read()).isEqualTo(3);
    assertThat(notices(parsed))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.title()).containsEntry("ja", "資源回収");
              assertThat(n.validity().from()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
            });
    assertThat(parsed.rejected())
        .extracting(r -> r.sourceRef() + ": " + r.reason())
        .containsExactly(
            "bad-rule: not an iCalendar event: No enum constant"
                + " net.fortuna.ical4j.model.Recur.Frequency.SOMETIMES",
            "bad-date: not an iCalendar event: Unparseable date: \"someday\"");
    assertThat(parsed.rejected().get(0).raw())
        .contains("RRULE:FREQ=SOMETIMES")
        .doesNotContain("good");
  }

  @Test
  void aFeedWhoseLanguageIsOnlyAnUnderscoreIsReadInJapanese() {
    String rss =
        """
        <rss version="2.0"><channel><title>市</title><link>https://example.jp/</link><description>d</description>
        <language>_</language><item><guid>https://example.jp/1</guid><title>断水のお知らせ</title></item>
        </channel></rss>
        """;

    Parsed parsed = news.parse(rss.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.rejected()).isEmpty();
    assertThat(notices(parsed))
        .singleElement()
        .satisfies(n -> assertThat(n.title()).containsOnlyKeys("ja"));
  }

  private static byte[] calendarWith(String event) {
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n"
            + "BEGIN:VEVENT\r\nUID:r-1\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:資源回収\r\n"
            + event
            + "END:VEVENT\r\nEND:VCALENDAR\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aWeeklyAllDayRruleWithCountIsValidToTheEndOfItsLastDay() {
    Notice n =
        notices(
                calendar.parse(
                    calendarWith("DTSTART;VALUE=DATE:20261201\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"),
                    AIZU))
            .get(0);

    assertThat(n.validity().from()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    assertThat(n.validity().until())
        .as("the 4th Tuesday, 2026-12-22, to its midnight in Tokyo")
        .isEqualTo(Instant.parse("2026-12-22T15:00:00Z"));
  }

  @Test
  void aTimedDailyRruleUntilADateEndsWithItsLastOccurrence() {
    Notice n =
        notices(
                calendar.parse(
                    calendarWith(
                        "DTSTART;TZID=Asia/Tokyo:20261201T100000\r\n"
                            + "DTEND;TZID=Asia/Tokyo:20261201T120000\r\n"
                            + "RRULE:FREQ=DAILY;UNTIL=20261203T235959Z\r\n"),
                    AIZU))
            .get(0);

    assertThat(n.validity().from()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    assertThat(n.validity().until())
        .as("UNTIL is 2026-12-04 08:59:59 JST: the last occurrence is 2026-12-03 10:00–12:00 JST")
        .isEqualTo(Instant.parse("2026-12-03T03:00:00Z"));
  }

  @Test
  void anEndlessRruleIsCutAYearAfterTheImport() {
    Notice n =
        notices(
                calendar.parse(
                    calendarWith("DTSTART;VALUE=DATE:20261201\r\nRRULE:FREQ=MONTHLY\r\n"), AIZU))
            .get(0);

    assertThat(n.validity().until())
        .as("the last monthly 1st before 2027-11-23T03:00Z is 2027-11-01, valid to its end")
        .isEqualTo(Instant.parse("2027-11-01T15:00:00Z"));
  }
}
