package io.kairan.model.notice;

/** Lifecycle of a notice version; a withdrawn notice leaves every feed. */
public enum NoticeStatus {
  PUBLISHED,
  UPDATED,
  WITHDRAWN
}
