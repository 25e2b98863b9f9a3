/**
 * The fault drill (deploy/faults.sh): a stream of notices and profile changes through the cluster
 * stack, the faults of issue #15 injected while it runs, and what arrived compared with what should
 * have and with a run without faults.
 */
package io.kairan.deploy.faults;
