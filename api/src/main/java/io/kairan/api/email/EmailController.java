package io.kairan.api.email;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.profile.ResidentBooks;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.resident.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * PUT /api/v1/me/email gives an address for the fallback channel and mails a link to it; the link
 * (GET /api/v1/email/verification, no sign-in: the secret in it is the proof) opens a page whose
 * button (POST, the same token) verifies it. GET and DELETE /api/v1/me/email read and remove it.
 * Push sends only to a verified address.
 */
@RestController
class EmailController {
  /** 32 random bytes, base64url without padding: what a link's secret looks like. */
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RecordPublisher kafka;
  private final EmailBook emails;
  private final ResidentBooks books;
  private final VerificationMail mail;
  private final EmailSettings settings;
  private final Clock clock;

  EmailController(
      RecordPublisher kafka,
      EmailBook emails,
      ResidentBooks books,
      VerificationMail mail,
      EmailSettings settings,
      Clock clock) {
    this.kafka = kafka;
    this.emails = emails;
    this.books = books;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  record NewAddress(String address) {}

  /**
   * The caller's address as they see it.
   *
   * @param linkExpiresAt until when the mailed link works; null once verified
   */
  record Email(String address, boolean verified, Instant verifiedAt, Instant linkExpiresAt) {
    static Email of(EmailAddress e, EmailSettings settings) {
      return new Email(
          e.address(),
          e.isVerified(),
          e.verifiedAt(),
          e.isVerified() ? null : e.requestedAt().plus(settings.linkValidity()));
    }
  }

  @GetMapping("/api/v1/me/email")
  Email read(@AuthenticationPrincipal Jwt caller) {
    books.awaitRead();
    return emails
        .get(caller.getSubject())
        .map(e -> Email.of(e, settings))
        .orElseThrow(() -> new NotFoundException("You have given no e-mail address."));
  }

  @PutMapping("/api/v1/me/email")
  ResponseEntity<Email> give(
      @AuthenticationPrincipal Jwt caller, @RequestBody(required = false) NewAddress body) {
    String address = body == null || body.address() == null ? null : body.address().strip();
    new Problems()
        .require(
            EmailAddress.isAddress(address),
            "address",
            "must be an e-mail address such as hanako@example.jp (at most "
                + EmailAddress.MAX_LENGTH
                + " characters, no spaces or display name)")
        .throwIfAny();
    books.awaitRead();
    String resident = caller.getSubject();
    Instant now = clock.instant();
    EmailAddress before = emails.get(resident).orElse(null);
    if (before != null && before.isVerified() && before.address().equalsIgnoreCase(address)) {
      return ResponseEntity.ok(Email.of(before, settings)); // nothing to verify again
    }
    if (before != null && now.isBefore(before.requestedAt().plus(settings.resendAfter()))) {
      throw new TooSoonException(
          java.time.Duration.between(now, before.requestedAt().plus(settings.resendAfter()))
                  .toSeconds()
              + 1);
    }
    if (!mail.isSetUp()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "This city has not set up e-mail; nothing was saved.");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      // First the mail: if the server does not take it, nothing is saved and the resident retries.
      mail.send(address, secret);
    } catch (VerificationMail.MailNotSentException e) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The confirmation mail could not be sent; nothing was saved. Please try again later.",
          e);
    }
    EmailAddress pending = new EmailAddress(resident, address, digest(secret), now, null);
    kafka.publish(Topics.EMAILS, resident, pending);
    emails.put(pending);
    return ResponseEntity.accepted().body(Email.of(pending, settings));
  }

  @DeleteMapping("/api/v1/me/email")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt caller) {
    books.awaitRead();
    String resident = caller.getSubject();
    if (emails.get(resident).isEmpty()) {
      throw new NotFoundException("You have given no e-mail address.");
    }
    kafka.publish(Topics.EMAILS, resident, null);
    emails.remove(resident);
    return ResponseEntity.noContent().build();
  }

  /**
   * The link in the mail: a page asking to confirm, and nothing changed yet — mail scanners fetch
   * links, and a fetch must not verify an address for its owner.
   */
  @GetMapping("/api/v1/email/verification")
  ResponseEntity<String> askToConfirm(@RequestParam(required = false) String token) {
    EmailAddress pending = awaitingLinkOf(token);
    return page(
        "アドレスの確認 / Confirm your address",
        """
        <h1>メールアドレスの確認</h1>
        <p>%s を、アプリに届かなかった緊急・重要なお知らせの送り先にしますか。</p>
        <p lang="en">Send urgent notices that do not reach your phone to %s?</p>
        <form method="post" action="/api/v1/email/verification?token=%s">
        <button type="submit">確認する / Confirm</button></form>
        """
            .formatted(
                HtmlUtils.htmlEscape(pending.address()),
                HtmlUtils.htmlEscape(pending.address()),
                token));
  }

  /** The page's button: verifies the address. */
  @PostMapping("/api/v1/email/verification")
  ResponseEntity<String> verify(@RequestParam(required = false) String token) {
    EmailAddress pending = awaitingLinkOf(token);
    EmailAddress verified =
        new EmailAddress(
            pending.residentId(), pending.address(), null, pending.requestedAt(), clock.instant());
    kafka.publish(Topics.EMAILS, verified.residentId(), verified);
    emails.put(verified);
    return page(
        "確認しました / Confirmed",
        """
        <h1>メールアドレスを確認しました</h1>
        <p>アプリに届かなかった緊急・重要なお知らせを、このアドレスにお送りします。</p>
        <p lang="ja">メール を たしかめました。</p>
        <p lang="en">Your e-mail address is confirmed: urgent notices that do not reach your
        phone will be sent to it.</p>
        """);
  }

  /** The address waiting for this link; 400 for what is no link's token, 404 unknown, 410 late. */
  private EmailAddress awaitingLinkOf(String token) {
    if (token == null || !SECRET.matcher(token).matches()) {
      new Problems().add("token", "is not the token of a confirmation link").throwIfAny();
    }
    EmailAddress pending =
        emails
            .awaiting(digest(token))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "This link is not known: it was used already, or a newer one was sent."));
    if (clock.instant().isAfter(pending.requestedAt().plus(settings.linkValidity()))) {
      throw new ResponseStatusException(
          HttpStatus.GONE, "This link has expired; please give the address again in the app.");
    }
    return pending;
  }

  /** A page in Japanese and English (the address in it escaped; the token is of a safe shape). */
  private static ResponseEntity<String> page(String title, String body) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(
            """
            <!doctype html><html lang="ja"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title></head><body>
            %s</body></html>
            """
                .formatted(title, body));
  }

  static String digest(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Another mail to the same resident too soon: 429 with Retry-After. */
  static final class TooSoonException extends ResponseStatusException {
    private final long seconds;

    TooSoonException(long seconds) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "A confirmation mail was sent a moment ago; ask again in " + seconds + " s.");
      this.seconds = seconds;
    }

    @Override
    public HttpHeaders getHeaders() {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      return headers;
    }
  }
}
