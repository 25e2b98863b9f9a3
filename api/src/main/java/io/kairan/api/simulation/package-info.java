/**
 * Simulations: a candidate rule set replayed over the notices of the last days against the current
 * residents with the job's own matching and policy, beside the active set, as asynchronous jobs.
 */
package io.kairan.api.simulation;
