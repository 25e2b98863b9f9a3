package io.kairan.ingest.source;

/** Turns one document of a source format into items. Never throws for bad input: it rejects. */
public interface Connector {
  Parsed parse(byte[] document, SourceContext context);
}
