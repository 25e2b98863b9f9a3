#!/usr/bin/env bash
# Push benchmark: an emergency to N devices, per device vs district topics. Prints a table and
# writes the figures as JSON: deploy/bench-push.sh [--devices 100000] [--districts 30] [--json FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec ./mvnw -q -B -pl deploy exec:java -Dexec.mainClass=io.kairan.deploy.bench.PushBenchmark -Dexec.args="$*"
