package io.kairan.api.approval;

import io.kairan.api.kafka.TopicBook;
import io.kairan.model.Topics;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Firms' notices waiting for approval and the decisions on them, kept from notices.approvals.v1
 * (the latest record per notice wins) and by the API's own writes once Kafka acknowledged them.
 */
@Component
public class ApprovalBook extends TopicBook<Approval> {
  public static final String TOPIC = Topics.APPROVALS;

  public ApprovalBook() {
    super(Approval.class);
  }

  @Override
  protected String idOf(Approval entry) {
    return entry.id();
  }

  @Override
  protected boolean isWhole(Approval entry) {
    return entry.notice() != null && entry.state() != null && entry.submittedAt() != null;
  }

  /** The notices of a municipality waiting for a decision, the longest waiting first. */
  public List<Approval> waitingIn(String municipalityCode) {
    return all()
        .filter(a -> a.state() == ApprovalState.PENDING_APPROVAL)
        .filter(a -> a.municipalityCode().equals(municipalityCode))
        .sorted(Comparator.comparing(Approval::submittedAt).thenComparing(Approval::id))
        .toList();
  }

  /** A firm's notices still waiting or rejected, newest first (approved ones are notices now). */
  public List<Approval> notPublishedOf(String publisherId) {
    return all()
        .filter(a -> a.state() != ApprovalState.APPROVED)
        .filter(a -> a.publisherId().equals(publisherId))
        .sorted(Comparator.comparing(Approval::submittedAt).reversed().thenComparing(Approval::id))
        .toList();
  }

  /**
   * Entries whose notice's validity ended (or, without an end, that were submitted) before {@code
   * cutoff}, except approvals still to publish.
   */
  public List<Approval> endedBefore(Instant cutoff) {
    return all().filter(a -> !a.awaitsPublication()).filter(a -> a.end().isBefore(cutoff)).toList();
  }

  /** The firm's post made with that Idempotency-Key since {@code since}, if any. */
  public Optional<Approval> postedWithKey(String publisherId, String key, Instant since) {
    return all()
        .filter(a -> key.equals(a.idempotencyKey()) && a.publisherId().equals(publisherId))
        .filter(a -> !a.submittedAt().isBefore(since))
        .findFirst();
  }

  /** Approved notices notices.v1 has not acknowledged yet. */
  public List<Approval> awaitingPublication() {
    return all().filter(Approval::awaitsPublication).toList();
  }
}
