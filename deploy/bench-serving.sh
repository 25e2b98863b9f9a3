#!/usr/bin/env bash
# Serving benchmark on the running stack, open loop with concurrent clients, each figure beside a
# baseline of the same run: feed first page (API vs the same Elasticsearch queries), reach preview
# (API vs an Elasticsearch count), POST of a notice (API vs a Kafka produce).
# deploy/bench-serving.sh [--residents 100000] [--deliveries 1000000] [--preview-residents 1000000]
# [--feed-rate 200] [--seconds 30] [--json FILE] (--help lists the options; exit code 2 for wrong usage).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -Xmx8g \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.bench.ServingBenchmark --samples "$(pwd)/samples" "$@"
