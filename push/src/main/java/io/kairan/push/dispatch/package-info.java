/**
 * Sending what is due: each delivery to each of the resident's devices, or to district topics for
 * an emergency, in chunks of at most 500, each chunk's results written before the next is sent.
 */
package io.kairan.push.dispatch;
