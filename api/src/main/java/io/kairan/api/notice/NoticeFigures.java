package io.kairan.api.notice;

import java.util.Map;

/**
 * How far a notice reached, never who: counts below {@code minimumGroup} are withheld (null) so
 * that no figure can point at a handful of residents.
 *
 * @param residents residents it was delivered to (any version)
 * @param byChannel deliveries per channel
 * @param pushes push outcomes per device (SENT, INVALID_TOKEN, FAILED_AFTER_RETRIES, REJECTED)
 */
public record NoticeFigures(
    String noticeId,
    Long residents,
    Map<String, Long> byChannel,
    Map<String, Long> pushes,
    int minimumGroup) {}
