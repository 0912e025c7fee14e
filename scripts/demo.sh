#!/usr/bin/env bash
# `npm run demo`: installs what is missing, builds the widget and its data, serves the demo on localhost.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
export PATH="$(npm prefix -g)/bin:$PATH"
pnpm run build
exec node --import tsx scripts/serve-demo.ts --port "${PORT:-4173}" --demo-stories
