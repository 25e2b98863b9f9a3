package io.kairan.api.limits;

import java.time.Clock;

/**
 * The time rate limits run on, when it is not the system's: a bean of this type (tests move it).
 * Limits never run on the application's {@link Clock}, which tests and the local stack fix or shift
 * for business time (a notice's validity): a fixed clock would never give an allowance back.
 */
public record RateLimitClock(Clock clock) {}
