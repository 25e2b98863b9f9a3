#!/usr/bin/env bash
# Recommender benchmark: audience evaluation (bitmap index vs plain scan vs Elasticsearch),
# deliveries/s through the job on a MiniCluster, urgent API -> Kafka latency on the running stack,
# and state per resident, in one run on synthetic residents of the demo city.
# deploy/bench-recommender.sh [--residents 1000000] [--rounds 50] [--urgent 30] [--json FILE]
# (--help lists the options; exit code 2 for wrong usage).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -Xmx14g \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.bench.RecommenderBenchmark --samples "$(pwd)/samples" "$@"
