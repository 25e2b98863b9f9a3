package io.kairan.ingest.feed;

import io.kairan.ingest.opendata.PhraseDictionary;
import io.kairan.ingest.safety.CleanText;
import io.kairan.ingest.safety.SafeXml;
import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.NoticeIds;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.Rejected;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Validity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * iCalendar events through ical4j. One notice per VEVENT, spanning its start, its end, every RDATE
 * and every RRULE occurrence up to a year ahead; all-day dates are days in the calendar's zone
 * (X-WR-TIMEZONE, else Asia/Tokyo).
 */
public final class CalendarConnector implements Connector {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  static {
    // Real exports bend the RFC; and ical4j must never go online for time zone updates.
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
  }

  private static final Pattern VEVENT =
      Pattern.compile("BEGIN:VEVENT.*?END:VEVENT\\r?\\n?", Pattern.DOTALL);
  private static final Pattern UID = Pattern.compile("(?m)^UID:(.*)$");

  private final PhraseDictionary<Category> categories;

  public CalendarConnector(PhraseDictionary<Category> categories) {
    this.categories = categories;
  }

  private record Span(Instant from, Instant until) {}

  @Override
  public Parsed parse(byte[] document, SourceContext context) {
    String text = new String(document, StandardCharsets.UTF_8);
    if (document.length > SafeXml.MAX_BYTES) {
      return Parsed.refused(
          "document",
          text.substring(0, 2000),
          "calendar larger than " + SafeXml.MAX_BYTES + " bytes");
    }
    try {
      return events(build(text), context);
    } catch (IOException | ParserException | RuntimeException e) {
      return eachEventAlone(text, context, e);
    }
  }

  private static Calendar build(String text) throws IOException, ParserException {
    return new CalendarBuilder().build(new StringReader(text));
  }

  /**
   * When the calendar does not parse as a whole (one event's broken RRULE fails all of it in
   * ical4j), each VEVENT is parsed alone under the calendar's head: the broken ones are rejected
   * with the reason and the others still arrive.
   */
  private Parsed eachEventAlone(String text, SourceContext context, Exception whole) {
    int first = text.indexOf("BEGIN:VEVENT");
    if (first < 0) {
      return Parsed.refused(
          "document",
          text.substring(0, Math.min(text.length(), 2000)),
          "not an iCalendar file: " + whole.getMessage());
    }
    String head = text.substring(0, first);
    List<Item> items = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int read = 0;
    Matcher event = VEVENT.matcher(text);
    while (event.find()) {
      read++;
      String block = event.group();
      Parsed alone;
      try {
        alone = events(build(head + block + "END:VCALENDAR\r\n"), context);
      } catch (IOException | ParserException | RuntimeException e) {
        Matcher uid = UID.matcher(block);
        alone =
            new Parsed(
                1,
                List.of(),
                List.of(
                    new Rejected(
                        uid.find() ? uid.group(1).strip() : "event " + read,
                        block,
                        // ical4j's line number would count in the event alone: left out.
                        "not an iCalendar event: "
                            + String.valueOf(e.getMessage())
                                .replaceFirst("^Error at line \\d+:", ""))));
      }
      items.addAll(alone.items());
      rejected.addAll(alone.rejected());
    }
    return new Parsed(read, items, rejected);
  }

  private Parsed events(Calendar calendar, SourceContext context) {
    Property zoneName = calendar.getProperty("X-WR-TIMEZONE");
    ZoneId zone;
    try {
      zone = zoneName == null ? ZoneId.of("Asia/Tokyo") : ZoneId.of(zoneName.getValue());
    } catch (DateTimeException e) {
      // Every all-day date would land on the wrong day: nothing in the calendar can be read.
      return Parsed.refused(
          "document",
          calendar.toString(),
          "X-WR-TIMEZONE " + zoneName.getValue() + " is not a time zone: " + e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    for (VEvent event : events) {
      String uid = event.getUid() == null ? null : event.getUid().getValue();
      try {
        items.add(new Item.Publish(notice(event, uid, zone, context), uid));
      } catch (RuntimeException e) {
        rejected.add(new Rejected(String.valueOf(uid), event.toString(), e.getMessage()));
      }
    }
    return new Parsed(events.size(), items, rejected);
  }

  private Notice notice(VEvent event, String uid, ZoneId zone, SourceContext context) {
    String title =
        event.getSummary() == null
            ? null
            : CleanText.of(event.getSummary().getValue(), Notice.MAX_TITLE);
    if (uid == null || title == null || event.getStartDate() == null) {
      throw new IllegalArgumentException("an event needs UID, SUMMARY and DTSTART");
    }
    Span span = span(event, zone, context.now());
    List<String> eventCategories = new ArrayList<>();
    event.getProperties(Property.CATEGORIES).forEach(p -> eventCategories.add(p.getValue()));
    String url =
        event.getUrl() != null && event.getUrl().getValue().matches("https?://.*")
            ? event.getUrl().getValue()
            : null;
    String body =
        CleanText.of(
            event.getDescription() == null ? null : event.getDescription().getValue(),
            Notice.MAX_BODY - 300);
    if (event.getLocation() != null) {
      body =
          (body == null ? "" : body + "\n")
              + "場所: "
              + CleanText.of(event.getLocation().getValue(), 200);
    }
    return FeedNotices.notice(
        NoticeIds.of("ics", context.sourceName(), uid),
        context,
        categories,
        eventCategories,
        "ja",
        title,
        body,
        url,
        new Validity(span.from(), span.until()));
  }

  /**
   * From the earliest start to the latest end over DTSTART/DTEND, every RDATE and every RRULE
   * occurrence (each as long as the first), so a repeating event stays valid to its last date.
   */
  private static Span span(VEvent event, ZoneId zone, Instant now) {
    Property start = event.getStartDate();
    Instant from = instant(start.getValue(), start, zone);
    Instant until =
        event.getEndDate(false) == null
            ? end(start.getValue(), start, zone)
            : instant(event.getEndDate(false).getValue(), event.getEndDate(false), zone);
    Duration length = Duration.between(from, until);
    for (String occurrence : Recurrences.starts(event, now.plus(Recurrences.HORIZON))) {
      Instant end = instant(occurrence, start, zone).plus(length);
      until = end.isAfter(until) ? end : until;
    }
    for (Property rdate : event.getProperties(Property.RDATE)) {
      for (String value : rdate.getValue().split(",")) {
        Instant at = instant(value, rdate, zone);
        from = at.isBefore(from) ? at : from;
        Instant end = end(value, rdate, zone);
        until = end.isAfter(until) ? end : until;
      }
    }
    if (!until.isAfter(from)) {
      until = end(start.getValue(), start, zone);
    }
    return new Span(from, until);
  }

  /** A day lasts to the next midnight; a moment is taken to last an hour when nothing else says. */
  private static Instant end(String value, Property property, ZoneId zone) {
    Instant at = instant(value, property, zone);
    return value.contains("T") ? at.plusSeconds(3600) : at.atZone(zone).plusDays(1).toInstant();
  }

  private static Instant instant(String value, Property property, ZoneId zone) {
    String v = value.strip();
    if (!v.contains("T")) {
      return LocalDate.parse(v, DATE).atStartOfDay(zone).toInstant();
    }
    if (v.endsWith("Z")) {
      return LocalDateTime.parse(v.substring(0, v.length() - 1), DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    }
    Parameter tzid = property.getParameter(Parameter.TZID);
    ZoneId local = tzid == null ? zone : ZoneId.of(tzid.getValue());
    return LocalDateTime.parse(v, DATE_TIME).atZone(local).toInstant();
  }
}
