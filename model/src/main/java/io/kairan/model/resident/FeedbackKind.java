package io.kairan.model.resident;

/** What a resident did with a delivered notice. */
public enum FeedbackKind {
  OPENED,
  USEFUL,
  NOT_INTERESTED,
  DISMISSED
}
