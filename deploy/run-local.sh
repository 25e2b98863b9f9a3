#!/usr/bin/env bash
# The whole Kairan stack on this machine with the demo city. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
exec ./mvnw -q -B -pl deploy exec:exec@run-local -Dkairan.demo.residents="${RESIDENTS:-3000}"
