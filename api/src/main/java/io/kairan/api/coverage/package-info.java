/**
 * Who an important or emergency notice reached, and who it did not: each eligible resident (one the
 * job delivered it to) counted as reached by push (FCM accepted a message), reached in the feed
 * only (opened it), or not reached (no push tried, tokens unregistered, or failed after retries),
 * by district with small counts withheld; and, for an operator who states a purpose, the list of
 * residents not reached, for the city's own fallback.
 */
package io.kairan.api.coverage;
