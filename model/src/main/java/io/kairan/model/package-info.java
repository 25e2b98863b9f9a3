/**
 * Kairan's event contracts: the records that travel on Kafka, their topic names and JSON codec.
 * Plain Java with Jackson annotations only, so the Flink job, the API and push share one truth.
 */
package io.kairan.model;
