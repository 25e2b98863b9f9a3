package io.kairan.push.topic;

import io.kairan.model.notice.LocalizedText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A district's topic for the readers of one language. FCM topic names allow only [a-zA-Z0-9-_.~%]:
 * the district's name is hashed, the language tag (letters, digits, hyphens) is kept as it is.
 */
public final class DistrictTopics {
  private DistrictTopics() {}

  /**
   * The topic of a district's residents whose first language is {@code language} (Japanese when it
   * is no language tag).
   */
  public static String of(String municipalityCode, String district, String language) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(district.getBytes(StandardCharsets.UTF_8));
      String tag = LocalizedText.isLanguageTag(language) ? language : "ja";
      return "district-"
          + municipalityCode
          + "-"
          + HexFormat.of().formatHex(hash, 0, 8)
          + "-"
          + tag;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
