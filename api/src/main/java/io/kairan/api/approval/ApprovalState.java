package io.kairan.api.approval;

/** Where a firm's notice is on its way to residents. */
public enum ApprovalState {
  /** Waiting for a department or an operator of its municipality; not on notices.v1. */
  PENDING_APPROVAL,
  /** Approved, and published on notices.v1 (or about to be, see {@link Approval#publishedAt}). */
  APPROVED,
  /** Refused, with a reason the firm can read; never published. */
  REJECTED
}
