package io.kairan.model.notice;

/**
 * Lifecycle of a notice version; a withdrawn notice leaves every feed and is final. An update
 * changes the feed silently; a change the publisher marks as significant pushes again.
 */
public enum NoticeStatus {
  PUBLISHED,
  /** A new version that corrects or completes the notice: the feed changes, nobody is pushed. */
  UPDATED,
  /** A new version the publisher marked as a significant change: residents are pushed again. */
  CHANGED,
  /**
   * A new version that puts a mistake right (FCM cannot recall a push): it reaches every resident
   * who was given an earlier version, even one no longer in its audience, pushed again and saying
   * what changed ({@link Notice#correction()}).
   */
  CORRECTED,
  WITHDRAWN
}
