/**
 * The local stack: real Kafka, Elasticsearch, the Flink job on a MiniCluster, the API and push,
 * with a demo city. Sub-packages: kafka, elasticsearch, demo (the demo city and its tools), stack
 * (the launcher's parts), cli (the tools' command lines) and bench (the benchmarks).
 */
package io.kairan.deploy;
