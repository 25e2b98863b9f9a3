/**
 * The Kairan API application. Features live in sub-packages: notice, profile, device, feed, index,
 * security, problem, kafka.
 */
package io.kairan.api;
