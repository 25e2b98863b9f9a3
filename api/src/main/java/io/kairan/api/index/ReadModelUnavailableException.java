package io.kairan.api.index;

/** Elasticsearch did not answer; reads of feeds and figures wait for it, writes never do. */
public class ReadModelUnavailableException extends RuntimeException {
  public ReadModelUnavailableException(Throwable cause) {
    super("the read model (Elasticsearch) did not answer", cause);
  }
}
