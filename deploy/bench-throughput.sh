#!/usr/bin/env bash
# Deliveries per second out of the job graph on a MiniCluster alone (no stack), per state
# backend in turn. deploy/bench-throughput.sh [--residents 1000000] [--runs 3]
# [--state-backends hashmap,changelog] [--json FILE] (--help lists the options).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -Xmx14g \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.bench.ThroughputBenchmark --samples "$(pwd)/samples" "$@"
