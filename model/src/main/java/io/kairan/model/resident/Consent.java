package io.kairan.model.resident;

import java.time.Instant;

/** A resident's yes or no for one category, and when they said it. */
public record Consent(boolean granted, Instant at) {}
