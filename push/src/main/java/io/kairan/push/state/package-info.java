/**
 * What push must remember across restarts, rebuilt from Kafka at start and followed live: which
 * pushes were already sent, and which notices were withdrawn.
 */
package io.kairan.push.state;
