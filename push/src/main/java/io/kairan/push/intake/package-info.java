/**
 * Intake from deliveries.v1: what pushes now goes to the dispatcher, what must wait to the
 * scheduler, what cannot be read to deliveries.dlq; offsets are committed only after all of it.
 */
package io.kairan.push.intake;
