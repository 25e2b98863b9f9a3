package io.kairan.model.notice;

/** How urgent a notice is; emergencies override quiet hours and caps. */
public enum Severity {
  INFO,
  IMPORTANT,
  EMERGENCY
}
