#!/usr/bin/env bash
# A token for anyone on the running local stack, signed (RS256) with the key of its identity provider
# (the key file deploy/target/local-stack.env names; the API checks it against the stack's JWKS).
# deploy/token.sh resident <resident-id> | department [<id> [<name>]] | firm [<id> [<name>]] | analyst [<id>] | operator [<id>]
# e.g. export RESIDENT_TOKEN=$(deploy/token.sh resident r-000042)
exec "$(dirname "$0")/tools/run-java.sh" io.kairan.deploy.demo.MintToken "$@"
