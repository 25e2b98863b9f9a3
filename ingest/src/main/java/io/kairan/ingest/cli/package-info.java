/**
 * The importer's command line (one file or URL) and the scheduled poller for configured sources.
 */
package io.kairan.ingest.cli;
