/**
 * Ingest: connectors that turn outside feeds into notices on notices.v1. Sub-packages: source (the
 * connector contract), safety (XML, HTTP and text hygiene), opendata, feed, alert, publish, cli.
 */
package io.kairan.ingest;
