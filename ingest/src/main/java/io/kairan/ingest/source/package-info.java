/**
 * What every connector returns: notices to publish or withdraw, and rejected records with reasons.
 */
package io.kairan.ingest.source;
