package io.kairan.ingest.opendata;

import io.kairan.ingest.safety.CleanText;
import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.Rejected;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.MunicipalityCode;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The open-data event list to notices. Rows sharing an id and a title (the same event on several
 * dates) become one notice spanning the dates ({@link EventIds}). A bad row is rejected with its
 * reason; the others still arrive.
 */
public final class EventListConnector implements Connector {
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final int MAX_CELL = 5_000;

  private final PhraseDictionary<Audience> targets;
  private final PhraseDictionary<Category> categories;

  public EventListConnector(
      PhraseDictionary<Audience> targets, PhraseDictionary<Category> categories) {
    this.targets = targets;
    this.categories = categories;
  }

  /** With the dictionaries shipped in this module. */
  public static EventListConnector withDefaultDictionaries() {
    return new EventListConnector(defaultTargets(), defaultCategories());
  }

  public static PhraseDictionary<Audience> defaultTargets() {
    return PhraseDictionary.resource("target-audiences.properties", EventListConnector::audience);
  }

  public static PhraseDictionary<Category> defaultCategories() {
    return PhraseDictionary.resource("categories.properties", Category::valueOf);
  }

  static Audience audience(String json) {
    return io.kairan.model.json.Json.read(json, Audience.class);
  }

  private record Row(
      String ref,
      String raw,
      String id,
      String municipality,
      String title,
      String summary,
      String description,
      String kind,
      String url,
      LocalDate start,
      LocalDate end,
      LocalTime startTime,
      LocalTime endTime,
      String place,
      GeoPoint location,
      String target) {}

  @Override
  public Parsed parse(byte[] document, SourceContext context) {
    String text = TextDecoding.decode(document);
    List<Row> rows = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int read = 0;
    try (CSVParser csv =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .get())) {
      EventLayout layout = EventLayout.detect(csv.getHeaderMap());
      Iterator<CSVRecord> records = csv.iterator();
      long linesRead = csv.getCurrentLineNumber();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
          // A broken quote: CSV cannot find where the next row ends, so the rest of the file is
          // one rejected remainder; the rows before it still arrive.
          read++;
          rejected.add(
              new Rejected(
                  "row " + (read + 1),
                  text.lines().skip(linesRead).collect(Collectors.joining("\n")),
                  "the rest of the file from this row on is not readable CSV: "
                      + (e.getCause() == null ? e : e.getCause()).getMessage()));
          break;
        }
        linesRead = csv.getCurrentLineNumber();
        read++;
        String ref = "row " + (record.getRecordNumber() + 1);
        try {
          rows.add(row(record, layout, ref, context));
        } catch (IllegalArgumentException e) {
          rejected.add(new Rejected(ref, String.join(",", record.values()), e.getMessage()));
        }
      }
    } catch (IOException
        | IllegalArgumentException
        | IllegalStateException
        | java.io.UncheckedIOException e) {
      return Parsed.refused(
          "document",
          text.substring(0, Math.min(text.length(), 2000)),
          "not a readable event list: " + e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    EventIds.group(rows, Row::municipality, Row::id, Row::title, EventListConnector::contentKey)
        .forEach(
            (id, dates) ->
                items.add(new Item.Publish(notice(id, dates, context), dates.get(0).ref())));
    return new Parsed(read, items, rejected);
  }

  private Row row(CSVRecord record, EventLayout layout, String ref, SourceContext context) {
    for (String cell : record.values()) {
      if (cell.length() > MAX_CELL) {
        throw new IllegalArgumentException("a cell is longer than " + MAX_CELL + " characters");
      }
      FormulaCells.refuse(cell);
    }
    // An empty ID is allowed: such a row gets an id from its content (see contentKey).
    String id = cell(record, layout.id());
    String title = CleanText.of(cell(record, layout.title()), Notice.MAX_TITLE);
    if (title == null) {
      throw new IllegalArgumentException(layout.title() + " is empty");
    }
    LocalDate start =
        OpenDataDates.date(cell(record, layout.startDate()))
            .orElseThrow(() -> new IllegalArgumentException(layout.startDate() + " is empty"));
    LocalDate end = OpenDataDates.date(cell(record, layout.endDate())).orElse(start);
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          layout.endDate() + " " + end + " is before " + layout.startDate() + " " + start);
    }
    return new Row(
        ref,
        String.join(",", record.values()),
        id.strip(),
        municipality(cell(record, layout.municipality()), context),
        title,
        CleanText.of(cell(record, layout.summary()), 2_000),
        CleanText.of(cell(record, layout.description()), 5_000),
        cell(record, layout.kind()),
        layout.url().stream()
            .map(h -> cell(record, h).strip())
            .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
            .findFirst()
            .orElse(null),
        start,
        end,
        OpenDataDates.time(cell(record, layout.startTime())).orElse(null),
        OpenDataDates.time(cell(record, layout.endTime())).orElse(null),
        CleanText.of(cell(record, layout.place()), 200),
        location(cell(record, layout.lat()), cell(record, layout.lon())),
        cell(record, layout.target()));
  }

  /** What makes an event without an ID itself: its title, its first date and its place. */
  private static List<String> contentKey(Row row) {
    return List.of(row.title(), row.start().toString(), row.place() == null ? "" : row.place());
  }

  private Notice notice(String id, List<Row> dates, SourceContext context) {
    Row first = dates.get(0);
    LocalDate from = dates.stream().map(Row::start).min(LocalDate::compareTo).orElseThrow();
    LocalDate until = dates.stream().map(Row::end).max(LocalDate::compareTo).orElseThrow();
    List<Audience> audiences = targets.findIn(first.target());
    Audience audience =
        audiences.isEmpty()
            ? new Audience.Everyone()
            : audiences.size() == 1 ? audiences.get(0) : new Audience.AnyOf(audiences);
    Category category =
        categories.findIn(first.kind()).stream().findFirst().orElse(Category.EVENTS);
    return new Notice(
        id,
        1,
        new Publisher(context.sourceName(), context.sourceName(), PublisherKind.FEED),
        first.municipality(),
        category,
        Map.of("ja", first.title()),
        Map.of("ja", body(first, dates)),
        first.url(),
        first.location(),
        new Validity(
            from.atStartOfDay(JAPAN).toInstant(),
            until.plusDays(1).atStartOfDay(JAPAN).toInstant()),
        Severity.INFO,
        NoticeStatus.PUBLISHED,
        audience,
        context.now());
  }

  private static String body(Row first, List<Row> dates) {
    StringBuilder body = new StringBuilder();
    Optional.ofNullable(first.summary()).ifPresent(s -> body.append(s).append("\n\n"));
    Optional.ofNullable(first.description()).ifPresent(s -> body.append(s).append("\n\n"));
    body.append("日時: ")
        .append(
            dates.stream()
                .map(EventListConnector::when)
                .distinct()
                .collect(Collectors.joining("、")));
    Optional.ofNullable(first.place()).ifPresent(p -> body.append("\n場所: ").append(p));
    String text = body.toString();
    return text.length() > Notice.MAX_BODY ? text.substring(0, Notice.MAX_BODY - 1) + "…" : text;
  }

  private static String when(Row row) {
    String days =
        row.end().equals(row.start()) ? row.start().toString() : row.start() + "〜" + row.end();
    if (row.startTime() == null) {
      return days;
    }
    return days + " " + row.startTime() + (row.endTime() == null ? "" : "〜" + row.endTime());
  }

  private static String municipality(String cell, SourceContext context) {
    String code = cell.strip();
    if (code.matches("\\d{5}")) {
      code = MunicipalityCode.withCheckDigit(code);
    }
    if (MunicipalityCode.isValid(code)) {
      return code;
    }
    if (code.isEmpty() && context.municipalityCode() != null) {
      return context.municipalityCode();
    }
    throw new IllegalArgumentException("municipality code '" + code + "' is not a JIS X 0402 code");
  }

  private static GeoPoint location(String lat, String lon) {
    try {
      GeoPoint point =
          new GeoPoint(Double.parseDouble(lat.strip()), Double.parseDouble(lon.strip()));
      return point.problems().isEmpty() ? point : null;
    } catch (NumberFormatException e) {
      return null; // optional columns, often empty
    }
  }

  private static String cell(CSVRecord record, String header) {
    return record.isMapped(header) && record.isSet(header) ? record.get(header) : "";
  }
}
