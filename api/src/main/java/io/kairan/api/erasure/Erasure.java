package io.kairan.api.erasure;

import java.time.Instant;
import java.util.List;

/**
 * What DELETE /api/v1/me did: the tombstones written, and until when the log topics may still hold
 * records naming the resident (they are deleted by retention, not by key).
 *
 * @param removedDevices the ids of the devices whose tombstones were written
 * @param logTopicsKeepUntil the latest time a log record naming the resident can remain
 */
public record Erasure(
    String residentId,
    Instant at,
    List<String> removedDevices,
    List<String> tombstonedTopics,
    Instant logTopicsKeepUntil) {}
