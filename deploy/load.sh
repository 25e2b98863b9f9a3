#!/usr/bin/env bash
# Load on the session cluster (issue #15): N residents in one municipality and spread over 125,
# then notices through the API at a stated rate; throughput, latency percentiles and each
# process's CPU and memory, at parallelism 1 and 2, each run on a fresh cluster.
# deploy/load.sh [--residents 1000000] [--notice-rate 10] [--notices 600] [--shape one|many|both]
# [--parallelism 1,2] [--json deploy/target/load/load.json] (--help lists the options).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ "${TASKMANAGER_MEMORY:-1280m}" =~ ^[1-9][0-9]*[mg]$ ]] || { echo "TASKMANAGER_MEMORY: a size such as 1280m or 5g" >&2; exit 2; }
[[ "${API_HEAP:-768m}" =~ ^[1-9][0-9]*[mg]$ ]] || { echo "API_HEAP: a size such as 768m or 3g" >&2; exit 2; }
case " $* " in *" -h "*|*" --help "*) ;; *) ./mvnw -q -B install -DskipTests ;; esac
exec java -Xmx4g \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -Dkairan.flink.taskmanager.memory="${TASKMANAGER_MEMORY:-1280m}" \
  -Dkairan.api.heap="${API_HEAP:-768m}" \
  -Dkairan.samples="$(pwd)/samples" \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.load.ClusterLoad "$@"
