package io.kairan.model.resident;

import io.kairan.model.Problems;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A resident's e-mail address for the fallback channel, keyed by resident id on residents.emails.v1
 * (compacted; the tombstone erases it). Only a verified address is ever written to: until the
 * resident follows the link sent to it, the record holds the SHA-256 of the link's secret, never
 * the secret itself.
 *
 * @param verificationDigest hex SHA-256 of the secret in the verification link; null once verified
 * @param requestedAt when the resident gave the address (the link expires a day later)
 * @param verifiedAt when the link was followed; null until then
 */
public record EmailAddress(
    String residentId,
    String address,
    String verificationDigest,
    Instant requestedAt,
    Instant verifiedAt) {

  /** Longest address SMTP carries (RFC 5321: 256 octets for the path, less the brackets). */
  public static final int MAX_LENGTH = 254;

  /**
   * A local part, an @ and a domain of dot-separated labels: no spaces, quotes, brackets, commas or
   * line breaks, so it cannot smuggle a second recipient or a header into the message.
   */
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isVerified() {
    return verifiedAt != null;
  }

  /** Whether a string is an address the fallback can send to (see {@link #ADDRESS}). */
  public static boolean isAddress(String address) {
    return address != null
        && address.length() <= MAX_LENGTH
        && ADDRESS.matcher(address).matches()
        && !address.startsWith(".")
        && !address.contains("..");
  }

  public List<String> problems() {
    return new Problems()
        .notBlank(residentId, "residentId")
        .require(isAddress(address), "address", "is not an e-mail address")
        .notNull(requestedAt, "requestedAt")
        .require(
            (verifiedAt == null) != (verificationDigest == null),
            "verificationDigest",
            "is set until the address is verified, and only then")
        .list();
  }
}
