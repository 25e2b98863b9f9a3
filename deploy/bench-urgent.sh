#!/usr/bin/env bash
# Urgent notices: API accept -> first and last delivery on Kafka, each notice explained
# (checkpoints that ran meanwhile, collections of the stack JVM, or queueing), on N synthetic
# residents in the running job. deploy/bench-urgent.sh [--residents 1000000] [--urgent 200]
# [--checkpoint-interval-ms 10000] [--json FILE] (--help lists the options).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -Xmx6g \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.bench.UrgentBenchmark --samples "$(pwd)/samples" "$@"
