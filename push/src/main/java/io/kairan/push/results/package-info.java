/**
 * The memory of what was pushed: each outcome written to push-results.v1 and acknowledged by Kafka
 * before anything else goes out or an offset is committed.
 */
package io.kairan.push.results;
