#!/usr/bin/env bash
# Kairan on real clusters on this machine, each part its own process: three Kafka brokers
# (replication 3), a Flink session cluster (a JobManager and two TaskManagers, the job submitted
# with `flink run`), two Elasticsearch nodes, the API and push from their jars; the demo city
# loaded. deploy/cluster.sh [--parallelism 2] [--residents 3000] [--taskmanager-memory 1280m]
# (each TaskManager's process size; about 5g per million residents). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
parallelism=2
residents=3000
tm_memory=1280m
value() { [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
  case "$1" in
    --parallelism) value "$@"; parallelism="$2"; shift 2 ;;
    --residents) value "$@"; residents="$2"; shift 2 ;;
    --taskmanager-memory) value "$@"; tm_memory="$2"; shift 2 ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; sed -n 2,6p "$0" >&2; exit 2 ;;
  esac
done
[[ "$parallelism" =~ ^[1-4]$ ]] || { echo "--parallelism: 1 to 4 (two TaskManagers, 2 slots each)" >&2; exit 2; }
[[ "$residents" =~ ^[1-9][0-9]*$ ]] || { echo "--residents: a positive number" >&2; exit 2; }
[[ "$tm_memory" =~ ^[1-9][0-9]*[mg]$ ]] || { echo "--taskmanager-memory: a size such as 1280m or 5g" >&2; exit 2; }
[[ "${API_HEAP:-768m}" =~ ^[1-9][0-9]*[mg]$ ]] || { echo "API_HEAP: a size such as 768m or 3g" >&2; exit 2; }
# Two clusters on one 2-core machine would each measure the other: one at a time.
if others=$(pgrep -f 'kairan-cluster-' | tr '\n' ' ') && [ -n "$others" ]; then
  echo "another Kairan cluster is running (pids $others); stop it first" >&2; exit 3
fi
./mvnw -q -B install -DskipTests
exec java -Xmx2g \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -Dkairan.samples="$(pwd)/samples" \
  -Dkairan.parallelism="$parallelism" \
  -Dkairan.demo.residents="$residents" \
  -Dkairan.flink.taskmanager.memory="$tm_memory" \
  -Dkairan.api.heap="${API_HEAP:-768m}" \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.cluster.RunCluster
