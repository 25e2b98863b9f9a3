package io.kairan.model;

import java.time.Instant;

/** A record the pipeline could not accept: the raw key and value as received, and why. */
public record DeadLetter(
    String sourceTopic,
    String key,
    String value,
    String reason,
    String rejectedBy,
    Instant rejectedAt) {}
