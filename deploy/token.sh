#!/usr/bin/env bash
# A token for anyone on the running local stack (signed with its secret in deploy/target/local-stack.env).
# deploy/token.sh resident <resident-id> | department [<id> [<name>]] | firm [<id> [<name>]] | analyst [<id>] | operator [<id>]
# e.g. export RESIDENT_TOKEN=$(deploy/token.sh resident r-000042)
exec "$(dirname "$0")/tools/run-java.sh" io.kairan.deploy.demo.MintToken "$@"
