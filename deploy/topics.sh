#!/usr/bin/env bash
# Creates Kairan's topics on a cluster from the one definition in code and reports those that differ.
# deploy/topics.sh [--bootstrap-servers HOST:PORT] [--partitions 12] [--replication 3] [--alter]
# TLS and SASL from the environment: KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME,
# KAFKA_SASL_PASSWORD (or KAFKA_SASL_JAAS_CONFIG), KAFKA_SSL_TRUSTSTORE_LOCATION (see README, "On a real cluster").
exec "$(dirname "$0")/tools/run-java.sh" io.kairan.deploy.topics.TopicsCommand "$@"
