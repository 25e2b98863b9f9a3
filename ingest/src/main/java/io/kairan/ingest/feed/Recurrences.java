package io.kairan.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Date;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.RRule;

/**
 * The starts of an event's RRULE occurrences, as iCalendar values ("20261201" or
 * "20261201T100000"), so they are read in the zone DTSTART is read in. An endless rule is cut at a
 * horizon: a notice cannot be valid forever, and the list must stay bounded.
 */
final class Recurrences {
  static final Duration HORIZON = Duration.ofDays(365);
  static final int MAX_OCCURRENCES = 1_000;

  private Recurrences() {}

  static List<String> starts(VEvent event, Instant horizon) {
    List<String> starts = new ArrayList<>();
    for (Property property : event.getProperties(Property.RRULE)) {
      Date seed = event.getStartDate().getDate();
      boolean timed = seed instanceof DateTime;
      Date end = timed ? new DateTime(horizon.toEpochMilli()) : new Date(horizon.toEpochMilli());
      DateList dates =
          ((RRule) property)
              .getRecur()
              .getDates(seed, seed, end, timed ? Value.DATE_TIME : Value.DATE, MAX_OCCURRENCES);
      for (Object date : dates) {
        starts.add(date.toString());
      }
    }
    return starts;
  }
}
