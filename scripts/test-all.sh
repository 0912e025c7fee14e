#!/usr/bin/env bash
# `npm test`: every test of the project, on a fresh machine too. Installs what is missing (pnpm, packages,
# chromium, firefox-esr, PostgreSQL, the Orca screen reader), builds, typechecks, lints (ESLint + knip), then runs
# every runner: Node tests, component tests (web-test-runner in chromium and firefox-esr), end-to-end tests
# (Playwright + axe in chromium), the screen-reader journeys (Orca in chromium and firefox-esr), the RGAA audit grid
# against the results of all those, size budgets.
# The last line is "N passed, N failed", summed over every runner.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm_config_update_notifier=false
t0=$(date +%s)
# Every runner writes its results, with this id, in test-results/*-outcomes.json; the RGAA grid check counts only
# these (a file left by an earlier run does not count).
export AIDE_RUN_ID="run-$t0-$$"
rm -f test-results/*-outcomes.json
step() { printf '\n==> %s (%ss)\n' "$*" "$(( $(date +%s) - t0 ))"; }

logs=$(mktemp -d)

# AIDE_CPU_CONTENTION=N: N busy processes per core for the whole run, to prove the suite holds on a busy machine
# (a laptop in a video call, a shared CI runner). Unset or 0: a quiet run.
contention=()
if [ "${AIDE_CPU_CONTENTION:-0}" -gt 0 ] 2>/dev/null; then
  for _ in $(seq 1 $(( AIDE_CPU_CONTENTION * $(nproc) ))); do
    node -e 'for (;;) {}' & contention+=($!)
  done
  trap 'kill "${contention[@]}" 2>/dev/null' EXIT
  echo "==> contention: ${#contention[@]} busy processes on $(nproc) cores"
fi
# The time limits below only stop what hangs. Under contention everything takes longer (a run at load 16 took the e2e
# stage past its 30 minutes): each limit grows with it, N busy processes per core multiplying it by N + 1.
scale=$(( 1 + ${#contention[@]} / $(nproc) ))
export AIDE_SR_TOTAL_TIMEOUT_MS=${AIDE_SR_TOTAL_TIMEOUT_MS:-$(( 480000 * scale ))}
status=0
run() { # run <label> <limit in seconds> <command...>: tees output to a log the summary reads
  local label=$1 limit=$(( $2 * scale )); shift 2
  step "$label"
  # A runner that hangs is stopped at its limit and counted as failed: the run always ends with its summary.
  timeout --kill-after=20 "$limit" "$@" 2>&1 | tee "$logs/$label.log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || echo "$label: stopped after ${limit}s (timeout, code $rc)" | tee -a "$logs/$label.log"
  [ "$rc" -eq 0 ] || status=1
  # A runner that dies before printing its count still counts as one failure.
  grep -qE '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed' <(sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$logs/$label.log") || echo "$label: 0 passed, 1 failed" >> "$logs/$label.log"
}

step "installation"
bash scripts/bootstrap.sh --browsers --postgres --screen-reader || { echo "0 passed, 1 failed"; exit 1; }
export PATH="$(npm prefix -g)/bin:$PATH"

step "build"
if ! pnpm run build; then echo "build: 0 passed, 1 failed" > "$logs/build.log"; status=1; fi
step "typecheck"
if pnpm run typecheck; then echo "typecheck: 1 passed, 0 failed" > "$logs/typecheck.log"; else echo "typecheck: 0 passed, 1 failed" > "$logs/typecheck.log"; status=1; fi

run lint 600 pnpm run lint
run node 1200 pnpm run test:node
run unit-chromium 900 env AIDE_BROWSERS=chromium pnpm exec web-test-runner
run unit-firefox 900 env AIDE_BROWSERS=firefox pnpm exec web-test-runner
run e2e 1800 pnpm run test:e2e
# Orca, Xvfb and two browsers: a hung one must never hang CI. The runner stops itself after 8 minutes (journeys not
# run count as failed, browsers, desktop and server stopped); this limit is the last resort if the runner itself
# hangs (at SIGTERM it still prints its count; SIGKILL 20 s later).
run screen-reader "${AIDE_SR_STAGE_TIMEOUT:-600}" pnpm run test:screen-reader
# The RGAA grid against the suite: every criterion, the statement up to date, each test it names ran just now and
# passed (node, both browsers' component tests, e2e and the harness's checks, the screen-reader journeys).
run rgaa 300 node --import tsx scripts/rgaa.ts check --results test-results --run "$AIDE_RUN_ID"
run budgets 300 node --import tsx scripts/check-budgets.ts

passed=0; failed=0
while read -r p f; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  cat "$logs"/*.log | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | sed -nE 's/^[a-z0-9-]+: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p')
rm -rf "$logs"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo
echo "total wall time: $(( $(date +%s) - t0 ))s"
echo "$passed passed, $failed failed"
exit "$status"
