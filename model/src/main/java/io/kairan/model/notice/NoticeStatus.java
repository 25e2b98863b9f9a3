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
  WITHDRAWN
}
