package io.kairan.model.resident;

import java.time.Instant;

/** A resident's reaction to a notice, keyed by resident id on feedback.v1. */
public record Feedback(String residentId, String noticeId, FeedbackKind kind, Instant at) {}
