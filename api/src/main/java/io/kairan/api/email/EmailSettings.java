package io.kairan.api.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How verification links are mailed.
 *
 * @param from the sender of the verification mail (KAIRAN_EMAIL_FROM)
 * @param linkBase where residents reach the API, for the link in the mail (KAIRAN_EMAIL_LINK_BASE)
 * @param linkValidity how long a link works (default a day)
 * @param resendAfter how soon the same resident may ask for another mail (default a minute): the
 *     API sends mail to addresses a caller names, so it must not become a way to flood a mailbox
 */
@ConfigurationProperties("kairan.email")
public record EmailSettings(
    String from, String linkBase, Duration linkValidity, Duration resendAfter) {
  public EmailSettings {
    from = from == null || from.isBlank() ? "kairan@localhost" : from;
    linkBase = linkBase == null || linkBase.isBlank() ? "http://127.0.0.1:8080" : linkBase;
    linkValidity = linkValidity == null ? Duration.ofDays(1) : linkValidity;
    resendAfter = resendAfter == null ? Duration.ofMinutes(1) : resendAfter;
  }
}
