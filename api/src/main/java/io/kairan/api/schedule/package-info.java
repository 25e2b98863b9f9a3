/**
 * Notices scheduled for later: kept durably on the API's own compacted topic notices.scheduled.v1
 * (key: the future notice's id; a tombstone once it is published or cancelled), read whole at start
 * like the ledger, so a schedule survives a restart of the API.
 */
package io.kairan.api.schedule;
