/**
 * What push must remember across restarts, rebuilt from Kafka at start and followed live, and
 * forgotten when no replay can need it: which pushes were already sent (48 hours), and which
 * notices were withdrawn (until 48 hours after their validity).
 */
package io.kairan.push.state;
