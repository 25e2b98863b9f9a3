package io.kairan.model.delivery;

/**
 * What became of one push to one device, or of the e-mail that stands in for the push when no
 * device was reached (device id {@link PushResult#EMAIL}).
 */
public enum PushOutcome {
  SENT,
  INVALID_TOKEN,
  FAILED_AFTER_RETRIES,
  REJECTED,
  /** The SMTP server accepted the fallback e-mail. */
  EMAILED,
  /** The SMTP server refused the fallback e-mail or could not be reached. */
  EMAIL_FAILED
}
