#!/usr/bin/env bash
# Audience index microbenchmark (JMH, sample time): the index's reach per audience shape and the
# plain scan of the same synthetic residents as the baseline of the same run.
# deploy/bench-reach.sh [-p residents=1000000] [-p shape=over-65] [-rf json -rff FILE] [JMH options]
# (-h lists JMH's options).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -Dkairan.samples="$(pwd)/samples" \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  org.openjdk.jmh.Main 'io.kairan.deploy.bench.ReachMicrobenchmark' "$@"
