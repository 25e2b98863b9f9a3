/**
 * Disaster alerts: CAP 1.2 messages, and the Japan Meteorological Agency's XML warnings (気象警報・注意報)
 * reached through its Atom feed.
 */
package io.kairan.ingest.alert;
