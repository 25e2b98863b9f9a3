package io.kairan.ingest.safety;

/**
 * What a conditional GET returned.
 *
 * @param body null when the server said 304 Not Modified
 */
public record Fetched(int status, byte[] body, String etag, String lastModified) {
  public boolean notModified() {
    return status == 304;
  }
}
