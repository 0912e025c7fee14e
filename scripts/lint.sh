#!/usr/bin/env bash
# `pnpm run lint`: ESLint (typescript-eslint with types, lit, lit-a11y, wc; eslint.config.js), knip (unused files,
# exports and dependencies; knip.jsonc) over the whole repository, and the custom elements manifests up to date with
# the code (scripts/manifest.ts --check). Each must report nothing.
# Last line: "lint: N passed, N failed", one check per tool, summed by scripts/test-all.sh.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
passed=0
failed=0
check() { # check <name> <command...>
  local name=$1
  shift
  echo "--> $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "$name: findings above"; fi
}
check eslint pnpm exec eslint --max-warnings 0 .
check knip pnpm exec knip
check manifest node --import tsx scripts/manifest.ts --check
echo "lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
