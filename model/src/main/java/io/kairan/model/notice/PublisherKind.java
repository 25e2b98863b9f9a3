package io.kairan.model.notice;

/** Who stands behind a notice: a city department, a local firm, or an ingested feed. */
public enum PublisherKind {
  DEPARTMENT,
  FIRM,
  FEED
}
