/**
 * Kairan's event contracts: the records that travel on Kafka, their topic names and JSON codec.
 * Plain Java with Jackson annotations only, so the Flink job, the API and push share one truth.
 * Sub-packages: {@code notice} (notices and audiences), {@code resident} (profiles, devices,
 * feedback), {@code delivery} (deliveries and push results), {@code rules} (rule sets), {@code
 * json} (the codec) and {@code text} (safe text).
 */
package io.kairan.model;
