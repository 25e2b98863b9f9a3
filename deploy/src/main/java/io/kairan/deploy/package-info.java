/**
 * The local stack: real Kafka, Elasticsearch, the Flink job on a MiniCluster, the API and push,
 * with a demo city. Sub-packages: kafka, elasticsearch, demo, stack.
 */
package io.kairan.deploy;
