#!/usr/bin/env bash
# `npm run bench`: every benchmark, with its figures. Builds first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh --browsers --postgres
export PATH="$(npm prefix -g)/bin:$PATH"
pnpm run build
echo; echo "==> widget size, loader cost, layout shift"
node --import tsx scripts/check-budgets.ts
echo; echo "==> locator: nearest-N time, bytes per search"
node --import tsx scripts/bench-locator.ts
echo; echo "==> tutorials: build of 1,000, search latency, chunk sizes"
node --import tsx scripts/bench-tutorials.ts
echo; echo "==> tutorial step with its picture on slow 4G: tap → image painted"
node --import tsx scripts/bench-step-image.ts
echo; echo "==> the widget on a slow phone (CPU ÷4, slow 4G and slow 3G, cold and warm): busy state, panel, tutorial list, places"
node --import tsx scripts/bench-slow-phone.ts
echo; echo "==> collector: throughput; 5 min under kill -9 with replays; stats and export on 1,000,000 rows; two instances behind a proxy"
node --import tsx scripts/bench-collector.ts
echo; echo "==> masking: time per story (realistic and hostile), linear time, browser bundle size"
node --import tsx scripts/bench-masking.ts
echo; echo "==> stories: cost of one story (masking included), public pages"
node --import tsx scripts/bench-stories.ts
