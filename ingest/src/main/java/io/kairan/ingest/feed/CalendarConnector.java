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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(new StringReader(text));
    } catch (IOException | ParserException | RuntimeException e) {
      return Parsed.refused(
          "document",
          text.substring(0, Math.min(text.length(), 2000)),
          "not an iCalendar file: " + e.getMessage());
    }
    Property zoneName = calendar.getProperty("X-WR-TIMEZONE");
    ZoneId zone = zoneName == null ? ZoneId.of("Asia/Tokyo") : ZoneId.of(zoneName.getValue());
    List<Item> items = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    for (VEvent event : events) {
      String uid = event.getUid() == null ? null : event.getUid().getValue();
      String title =
          event.getSummary() == null
              ? null
              : CleanText.of(event.getSummary().getValue(), Notice.MAX_TITLE);
      try {
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
        Notice notice =
            FeedNotices.notice(
                NoticeIds.of("ics", context.sourceName(), uid),
                context,
                categories,
                eventCategories,
                "ja",
                title,
                body,
                url,
                new Validity(span.from(), span.until()));
        items.add(new Item.Publish(notice, uid));
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        rejected.add(new Rejected(String.valueOf(uid), event.toString(), e.getMessage()));
      }
    }
    return new Parsed(events.size(), items, rejected);
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
