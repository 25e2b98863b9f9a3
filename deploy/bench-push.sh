#!/usr/bin/env bash
# Push benchmark: an emergency to N devices, per device vs district topics. Prints a table and
# writes the figures as JSON: deploy/bench-push.sh [--devices 100000] [--districts 30] [--json FILE]
# (--help lists the options; exit code 2 for wrong usage).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.bench.PushBenchmark "$@"
