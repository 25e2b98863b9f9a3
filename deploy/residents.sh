#!/usr/bin/env bash
# The residents the running local stack holds (latest profile each): id, district, birth year, children, languages.
# deploy/residents.sh [--district 北会津町] [--max 20] [--bootstrap-servers HOST:PORT]
exec "$(dirname "$0")/tools/run-java.sh" io.kairan.deploy.demo.DemoResidents "$@"
