/**
 * Kairan as it runs on a cluster, every part a process of its own on this machine: a Flink session
 * cluster to which the job jar is submitted, Kafka brokers, Elasticsearch nodes, the API and push.
 */
package io.kairan.deploy.cluster;
