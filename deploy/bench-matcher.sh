#!/usr/bin/env bash
# Matcher benchmark: the bitmap index against the plain scan on synthetic residents of the demo
# city. deploy/bench-matcher.sh [--residents 1000000] [--json FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec ./mvnw -q -B -pl deploy exec:java -Dexec.mainClass=io.kairan.deploy.bench.MatcherBenchmark -Dexec.args="--samples $(cd .. && pwd)/shared/samples $*"
