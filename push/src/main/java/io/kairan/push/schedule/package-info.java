/**
 * Pushes that must wait (quiet hours): held until due, and re-read from deliveries.v1 after a
 * restart.
 */
package io.kairan.push.schedule;
