package io.kairan.api.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kairan.model.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a draft as the API read it (fields in record order, map entries sorted), so a retry
 * whose JSON differs only in spacing or key order is the same request, and any other change is not.
 */
final class DraftFingerprint {
  private DraftFingerprint() {}

  static String of(NoticeDraft draft) {
    try {
      byte[] canonical =
          Json.mapper()
              .writer()
              .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .writeValueAsBytes(draft);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest a draft", e);
    }
  }
}
