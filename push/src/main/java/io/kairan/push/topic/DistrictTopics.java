package io.kairan.push.topic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** FCM topic names allow only [a-zA-Z0-9-_.~%]: a district's name is hashed into its topic. */
public final class DistrictTopics {
  private DistrictTopics() {}

  public static String of(String municipalityCode, String district) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(district.getBytes(StandardCharsets.UTF_8));
      return "district-" + municipalityCode + "-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
