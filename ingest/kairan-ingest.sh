#!/usr/bin/env bash
# The ingest CLI, e.g.:
#   ingest/kairan-ingest.sh import samples/opendata-events/zama_142166_events.csv \
#       --format opendata-events --municipality 072028 --bootstrap-servers 127.0.0.1:9092
set -euo pipefail
args=()
for a in "$@"; do
  # Files are named relative to where you stand; Maven runs from the repository root.
  if [ -e "$a" ]; then args+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")"); else args+=("$a"); fi
done
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -pl ingest -am
exec ./mvnw -q -B -pl ingest exec:java -Dexec.args="${args[*]}"
