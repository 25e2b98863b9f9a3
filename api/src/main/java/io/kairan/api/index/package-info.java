/**
 * The read model: Kafka topics indexed into Elasticsearch (notices by id with their version,
 * deliveries by delivery id routed by resident), rebuildable from Kafka at any time.
 */
package io.kairan.api.index;
