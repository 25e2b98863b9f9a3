#!/usr/bin/env bash
# What a topic of the running local stack holds, one "key<TAB>value" a line, from the beginning.
# deploy/topic.sh                      every topic, its partitions and records
# deploy/topic.sh <topic> [--max N] [--key K] [--follow] [--bootstrap-servers HOST:PORT]
exec "$(dirname "$0")/tools/run-java.sh" io.kairan.deploy.demo.TopicDump "$@"
