/**
 * Who may read push's actuator: the probes (health) anyone, everything else (metrics, Prometheus)
 * only callers from the configured address ranges, loopback by default.
 */
package io.kairan.push.management;
