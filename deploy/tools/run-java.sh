#!/usr/bin/env bash
# Runs a main class of the deploy module on its built classpath, without a Maven build each time;
# builds once if the classes are not there yet. deploy/tools/run-java.sh <main class> [args…]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ ! -f deploy/target/runtime.classpath || ! -d deploy/target/classes/io/kairan/deploy/demo ]]; then
  echo "building once (./mvnw -q -B install -DskipTests)…" >&2
  ./mvnw -q -B install -DskipTests >&2
fi
main="$1"
shift
exec java -Xmx512m -XX:TieredStopAtLevel=1 \
  -Dlogback.configurationFile=deploy/tools/logback.xml \
  -Dkairan.classpath.file=deploy/target/runtime.classpath \
  -cp "deploy/target/classes:$(cat deploy/target/runtime.classpath)" \
  "$main" "$@"
