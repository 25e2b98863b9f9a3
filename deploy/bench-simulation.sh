#!/usr/bin/env bash
# The analysts' simulation (a candidate rule set over N days of notices against synthetic
# residents, beside the built-in set) timed through the job's index, against the plain scan of the
# same run. deploy/bench-simulation.sh [--residents 100000] [--days 30] [--notices-per-day 20]
# [--json FILE] (--help lists the options; exit code 2 for wrong usage).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec java -Xmx4g \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.bench.SimulationBenchmark --samples "$(pwd)/samples" "$@"
