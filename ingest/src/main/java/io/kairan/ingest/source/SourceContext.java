package io.kairan.ingest.source;

import java.time.Instant;

/**
 * What a connector knows besides the document: the source's name (part of every notice id, so two
 * sources never collide), the municipality it is imported for, and the time of import.
 */
public record SourceContext(String sourceName, String municipalityCode, Instant now) {}
