/**
 * News feeds (RSS 1.0, RSS 2.0, Atom, through ROME) and event calendars (iCalendar, through
 * ical4j).
 */
package io.kairan.ingest.feed;
