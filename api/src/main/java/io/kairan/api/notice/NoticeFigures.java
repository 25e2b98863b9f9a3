package io.kairan.api.notice;

import java.util.Map;

/**
 * How far a notice reached, never who: counts below {@code minimumGroup} are withheld (null), and
 * so is any count beside them that would give one away by subtraction.
 *
 * @param residents residents it was delivered to (any version)
 * @param deliveries deliveries of every version: the sum of {@code byChannel}
 * @param byChannel deliveries per channel
 * @param pushed push attempts per device: the sum of {@code pushes}
 * @param pushes push outcomes per device (SENT, INVALID_TOKEN, FAILED_AFTER_RETRIES, REJECTED)
 * @param opened residents who opened it
 * @param useful residents who found it useful
 * @param notInterested residents who said they were not interested
 */
public record NoticeFigures(
    String noticeId,
    Long residents,
    Long deliveries,
    Map<String, Long> byChannel,
    Long pushed,
    Map<String, Long> pushes,
    Long opened,
    Long useful,
    Long notInterested,
    int minimumGroup) {}
