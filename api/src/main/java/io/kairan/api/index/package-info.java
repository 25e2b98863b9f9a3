/**
 * Everything the API knows about Elasticsearch: the read model's indices and their field names
 * ({@link io.kairan.api.index.Fields}), the indexer that keeps them in step with Kafka (notices by
 * id with their version, deliveries by delivery id routed by resident, push outcomes), and the
 * queries for feeds and figures. Rebuildable from Kafka at any time; never consulted to decide a
 * write.
 */
package io.kairan.api.index;
