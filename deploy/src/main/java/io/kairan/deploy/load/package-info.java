/**
 * The load run of issue #15: residents and a notice stream on the session cluster at parallelism 1
 * and 2, with throughput, latency and each process's CPU and memory.
 */
package io.kairan.deploy.load;
