#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with Node >= 20.19 and npm, and nothing twice:
# pnpm, the workspace's packages (frozen lockfile), and with --browsers Debian's chromium and firefox-esr,
# with --postgres Debian's PostgreSQL server (for the collector's tests), with --screen-reader the Orca screen
# reader and its private desktop (virtual display, D-Bus, accessibility bus, speech, keyboard). Idempotent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=9.15.9
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm_config_update_notifier=false
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20 || (a===20 && b<19)) { console.error("Node >= 20.19 est nécessaire (Vite 8) ; version trouvée : " + process.version); process.exit(1); }'

want_apt=()
want_apt_lean=() # without recommended packages (Orca recommends a braille display driver, not needed here)
for arg in "$@"; do
  case "$arg" in
    --browsers)
      [ -x /usr/bin/chromium ] || want_apt+=(chromium)
      [ -x /usr/bin/firefox-esr ] || want_apt+=(firefox-esr)
      ;;
    --postgres)
      compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || want_apt+=(postgresql)
      ;;
    --screen-reader)
      # package:file the journeys run (test/screen-reader/desktop.ts lists the same). dbus-x11 brings dbus-daemon
      # (dbus-run-session) and dbus-bin (dbus-send); orca brings speech-dispatcher, python3-pyatspi, GTK's bindings.
      for need in orca:/usr/bin/orca xvfb:/usr/bin/Xvfb dbus-x11:/usr/bin/dbus-run-session dbus-x11:/usr/bin/dbus-send \
        at-spi2-core:/usr/libexec/at-spi-bus-launcher speech-dispatcher:/usr/bin/speech-dispatcher xdotool:/usr/bin/xdotool; do
        [ -e "${need#*:}" ] || [[ " ${want_apt_lean[*]} " == *" ${need%%:*} "* ]] || want_apt_lean+=("${need%%:*}")
      done
      ;;
  esac
done
if [ "${#want_apt[@]}" -gt 0 ] || [ "${#want_apt_lean[@]}" -gt 0 ]; then
  echo "==> apt-get install ${want_apt[*]} ${want_apt_lean[*]}"
  as_root apt-get update -qq
  [ "${#want_apt[@]}" -eq 0 ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want_apt[@]}" >/dev/null
  # The screen reader's packages failing to install stops nothing else: the journeys then report each one as failed,
  # naming what is missing.
  [ "${#want_apt_lean[@]}" -eq 0 ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want_apt_lean[@]}" >/dev/null \
    || echo "==> ATTENTION : apt-get install ${want_apt_lean[*]} a échoué ; les parcours au lecteur d'écran échoueront" >&2
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  # corepack is not used: with this registry it fails ("No compatible signature found in package metadata").
  echo "==> npm install -g pnpm@$PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" --no-audit --no-fund --loglevel=error
fi
pnpm install --frozen-lockfile --reporter=append-only | grep -v '^Progress' || true
test -d node_modules/.pnpm || { echo "pnpm install a échoué" >&2; exit 1; }
