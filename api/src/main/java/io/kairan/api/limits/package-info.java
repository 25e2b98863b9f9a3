/**
 * Limits on requests: what a request may carry, refused before any of it is parsed, and how often a
 * client may call, per class of call (429 with Retry-After).
 */
package io.kairan.api.limits;
