package io.kairan.api.approval;

import io.kairan.model.notice.Notice;
import java.time.Instant;

/**
 * A firm's notice on its way through approval: the notice as it will be published (version 1, its
 * id minted at submission), its state, and the decision once there is one.
 *
 * @param submittedAt when the firm posted it
 * @param decision who approved or rejected it and when (null while it waits)
 * @param publishedAt when notices.v1 acknowledged the approved notice (null until then: an approval
 *     whose publication did not complete is published again once the API runs)
 * @param idempotencyKey the firm's Idempotency-Key of the post, if it gave one
 * @param fingerprint a digest of the posted body, kept with the key so a retry is recognised after
 *     a restart too
 */
public record Approval(
    Notice notice,
    ApprovalState state,
    Instant submittedAt,
    Decision decision,
    Instant publishedAt,
    String idempotencyKey,
    String fingerprint) {
  /** Kafka headers on the approved notice's record on notices.v1: the approval beside it. */
  public static final String APPROVED_BY_HEADER = "kairan-approved-by";

  public static final String APPROVED_AT_HEADER = "kairan-approved-at";

  public static Approval pending(Notice notice, Instant submittedAt) {
    return pending(notice, submittedAt, null, null);
  }

  public static Approval pending(
      Notice notice, Instant submittedAt, String idempotencyKey, String fingerprint) {
    return new Approval(
        notice,
        ApprovalState.PENDING_APPROVAL,
        submittedAt,
        null,
        null,
        idempotencyKey,
        fingerprint);
  }

  public String id() {
    return notice.id();
  }

  public String publisherId() {
    return notice.publisher().id();
  }

  public String municipalityCode() {
    return notice.municipalityCode();
  }

  /** When the notice's validity ends; its submission when it names no end. */
  public Instant end() {
    return notice.validity() != null && notice.validity().until() != null
        ? notice.validity().until()
        : submittedAt;
  }

  public Approval approved(String by, Instant at) {
    return decided(ApprovalState.APPROVED, new Decision(by, at, null));
  }

  public Approval rejected(String by, Instant at, String reason) {
    return decided(ApprovalState.REJECTED, new Decision(by, at, reason));
  }

  private Approval decided(ApprovalState to, Decision how) {
    return new Approval(notice, to, submittedAt, how, null, idempotencyKey, fingerprint);
  }

  public Approval published(Instant at) {
    return new Approval(notice, state, submittedAt, decision, at, idempotencyKey, fingerprint);
  }

  /** Approved, but notices.v1 has not acknowledged it yet. */
  public boolean awaitsPublication() {
    return state == ApprovalState.APPROVED && publishedAt == null;
  }
}
