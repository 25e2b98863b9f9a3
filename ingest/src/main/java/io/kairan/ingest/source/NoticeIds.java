package io.kairan.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Notice ids from a source's own ids: stable, so re-reading never duplicates; hashed, so any source
 * id (URLs, long GUIDs) fits the id field safely.
 */
public final class NoticeIds {
  private NoticeIds() {}

  public static String of(String prefix, String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return prefix + "-" + HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
