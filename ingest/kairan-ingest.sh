#!/usr/bin/env bash
# The ingest CLI, e.g.:
#   ingest/kairan-ingest.sh import samples/opendata-events/zama_142166_events.csv \
#       --format opendata-events --municipality 072028 --bootstrap-servers 127.0.0.1:9092
# Runs the runnable jar ingest/target/kairan-ingest.jar; builds it once when it is missing
# (./mvnw -pl ingest -am package), never on every run. Options and exit codes: --help.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/kairan-ingest.jar"
if [ ! -f "$jar" ]; then
  echo "building $jar (once)…" >&2
  (cd "$here/.." && ./mvnw -q -B package -DskipTests -pl ingest -am >&2)
fi
exec java -jar "$jar" "$@"
