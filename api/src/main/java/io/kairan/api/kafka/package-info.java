/** Publishing records to Kafka and reporting success only once the broker acknowledged them. */
package io.kairan.api.kafka;
