package io.kairan.api.approval;

import java.time.Instant;

/**
 * Who decided on a waiting notice, and when.
 *
 * @param by the subject of the deciding token (a department or an operator)
 * @param at when, on the API's clock
 * @param reason why it was rejected (null when approved)
 */
public record Decision(String by, Instant at, String reason) {}
