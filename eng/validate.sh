#!/usr/bin/env bash
# Validates what cannot be run on a machine without Docker or GitHub: the compose files against
# the Compose schema and lint rules (dclint), and the workflows against GitHub's workflow schema
# (action-validator). The tools come from npm, pinned, installed once into the cache directory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly TOOLS=${KAFKADEMO_CACHE:-$HOME/.cache/kafkademo}/node-tools
fail() { echo "validate: $*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || fail "npm is not installed (it is needed to fetch dclint and action-validator)"
if [[ ! -x $TOOLS/node_modules/.bin/dclint || ! -x $TOOLS/node_modules/.bin/action-validator ]]; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm install --silent --no-audit --no-fund dclint@3.1.0 @action-validator/cli@0.6.0 @action-validator/core@0.6.0 >/dev/null 2>&1) ||
    fail "could not install dclint and action-validator from npm"
fi

"$TOOLS/node_modules/.bin/dclint" docker-compose.yml docker-compose.cluster.yml || fail "a compose file does not pass dclint"
for workflow in .github/workflows/*.yml; do
  "$TOOLS/node_modules/.bin/action-validator" "$workflow" || fail "$workflow does not pass action-validator"
done
echo "validate: compose files and workflows are valid"
