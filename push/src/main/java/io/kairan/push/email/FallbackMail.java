package io.kairan.push.email;

/** One fallback e-mail, composed for its reader: subject and plain text. */
public record FallbackMail(String to, String subject, String text) {}
