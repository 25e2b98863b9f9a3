/**
 * Sending push deliveries: one FCM message per device, in batches of at most 500, and their
 * results.
 */
package io.kairan.push.send;
