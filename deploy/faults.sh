#!/usr/bin/env bash
# The fault drill (issue #15): the same stream of notices and profile changes through a fresh
# cluster stack (deploy/cluster.sh's) twice, without and with faults: kill -9 a TaskManager,
# kill -9 the leader broker of deliveries.v1, Elasticsearch stopped for 30 s, kill -9 push while
# it sends, kill -9 the API. Prints each fault's recovery time and the counts; exit 0 passed,
# 1 a count is wrong, 2 wrong usage, 3 another cluster is running. deploy/faults.sh --help lists
# the options.
set -euo pipefail
cd "$(dirname "$0")/.."
# Two clusters on one 2-core machine would each slow the other's recoveries: one at a time.
if others=$(pgrep -f 'kairan-cluster-' | tr '\n' ' ') && [ -n "$others" ]; then
  echo "another Kairan cluster is running (pids $others); stop it first" >&2; exit 3
fi
case " $* " in *" --help "*|*" -h "*) ;; *) ./mvnw -q -B install -DskipTests ;; esac
exec java -Xmx3g \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  io.kairan.deploy.faults.FaultDrill "$@"
