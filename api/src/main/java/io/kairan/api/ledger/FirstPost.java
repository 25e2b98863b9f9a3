package io.kairan.api.ledger;

import io.kairan.model.notice.Notice;

/**
 * The first post made with an Idempotency-Key: a retry with the same body gets this notice back, a
 * retry with another body is refused.
 *
 * @param fingerprint a digest of the draft as posted
 * @param notice version 1, as it was answered
 */
public record FirstPost(PostKey key, String fingerprint, Notice notice) {}
