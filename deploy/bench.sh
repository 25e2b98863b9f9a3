#!/usr/bin/env bash
# Every performance figure of issue #17 in one run, one benchmark after the other (each in its own
# JVM, never two at once), then one table of figure, value, target and met / not met, written as
# JSON to deploy/target/bench/scorecard.json with the machine it ran on. Each benchmark's own
# table, per-notice explanations and JSON are in deploy/target/bench/<name>.log and .json.
# deploy/bench.sh [--residents 1000000] (about 40 minutes on 2 cores at 1,000,000).
set -euo pipefail
cd "$(dirname "$0")/.."
residents=1000000
case "${1:-}" in
  --residents) residents="${2:?--residents needs a number}" ;;
  "") ;;
  -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
  *) echo "unknown option: $1 (usage: deploy/bench.sh [--residents N])" >&2; exit 2 ;;
esac
[[ "$residents" =~ ^[1-9][0-9]*$ ]] || { echo "--residents must be a positive number: $residents" >&2; exit 2; }
./mvnw -q -B install -DskipTests
out=deploy/target/bench
mkdir -p "$out"
# A copy of the classes and of the classpath: a build during the run cannot pull them away.
rm -rf "$out/classes" && cp -r deploy/target/classes "$out/classes"
cp deploy/target/runtime.classpath "$out/runtime.classpath"
cp="$out/classes:$(cat "$out/runtime.classpath")"
run() { # name, heap, main class, arguments...
  local name=$1 heap=$2 main=$3; shift 3
  echo "[bench] $name: $* (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -f "$out/$name.json"
  java "-Xmx$heap" -Dkairan.classpath.file="$out/runtime.classpath" -cp "$cp" \
    "io.kairan.deploy.bench.$main" "$@" --json "$out/$name.json" > "$out/$name.log" 2>&1 \
    || echo "[bench] $name failed: see $out/$name.log"
}
run reach 14g RecommenderBenchmark --samples "$(pwd)/samples" --residents "$residents" --rounds 100 --reach-only
run throughput 14g ThroughputBenchmark --samples "$(pwd)/samples" --residents "$residents" --runs 3
run urgent 6g UrgentBenchmark --samples "$(pwd)/samples" --residents "$residents" --urgent 200
run push 8g PushBenchmark --devices 100000 --answer-ms 75
run serving 8g ServingBenchmark --samples "$(pwd)/samples"
# The analysts' simulation is sized by its own figure (issue #11: 30 days at 100,000 residents).
run simulation 4g SimulationBenchmark --samples "$(pwd)/samples" --residents 100000 --days 30
java -cp "$cp" io.kairan.deploy.bench.Scorecard "$out/scorecard.json" \
  "$out/reach.json" "$out/throughput.json" "$out/urgent.json" "$out/push.json" "$out/serving.json" \
  "$out/simulation.json"
