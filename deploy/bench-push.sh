#!/usr/bin/env bash
# Push benchmark: an emergency to N devices through the local FCM server answering each send after
# --answer-ms (FCM's round trip), per device vs district topics, against the FCM quota's pace.
# Prints each figure with its target and met / not met, and writes them as JSON:
# deploy/bench-push.sh [--devices 100000] [--answer-ms 75] [--max-in-flight 1000] [--json FILE]
# (--help lists the options; exit code 2 for wrong usage).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.bench.PushBenchmark "$@"
