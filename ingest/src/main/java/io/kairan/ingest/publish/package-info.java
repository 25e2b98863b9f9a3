/**
 * Publishing what connectors found: versions against what notices.v1 already holds, an idempotent
 * producer, dead letters for rejects, and the import summary.
 */
package io.kairan.ingest.publish;
