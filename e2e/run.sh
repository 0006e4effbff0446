#!/usr/bin/env bash
# Real-browser suite over the user paths (issue 12 §2): starts the jar built by `mvn -B verify` on a fresh
# H2 database (demo organisation) in a temporary folder, then runs every e2e/paths/*.js in order — or only
# the paths given as arguments (file names with or without .js, or a prefix such as 06) — each in its own
# node process driving Debian chromium through Tasklist and Cockpit. Screenshots: target/e2e/<path>/.
#   e2e/run.sh                 all paths
#   e2e/run.sh 06 01-ordinary  a subset
# Environment: E2E_PORT (default 18103), E2E_JAR (default target/zhifa-*.jar), E2E_HEADED=1 (debugging),
# E2E_KEEP=1 (keep the temporary working folder and its app.log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${E2E_PORT:-18103}
BASE="http://localhost:$PORT"

[ -x /usr/bin/chromium ] || { echo "chromium missing: run .ci/install-browser" >&2; exit 2; }
command -v node >/dev/null || { echo "node missing (Node.js 20 or newer)" >&2; exit 2; }
[ -d e2e/node_modules/playwright-core ] || (cd e2e && npm ci --silent --no-audit --no-fund)

# the paths to run, in file-name order
PATHS=()
if [ $# -eq 0 ]; then
  for f in e2e/paths/*.js; do PATHS+=("$f"); done
else
  for arg in "$@"; do
    arg=${arg%.js}; arg=${arg#e2e/paths/}
    matched=0
    for f in e2e/paths/"$arg"*.js; do [ -f "$f" ] && { PATHS+=("$f"); matched=1; }; done
    [ $matched -eq 1 ] || { echo "no path e2e/paths/$arg*.js" >&2; exit 2; }
  done
fi

JAR=${E2E_JAR:-$(ls target/zhifa-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)}
if [ -z "$JAR" ]; then
  echo "== no jar in target/: building it (mvn -B -q package -Dmaven.test.skip=true -DskipUnitTests=true)"
  mvn -B -q package -Dmaven.test.skip=true -DskipUnitTests=true
  JAR=$(ls target/zhifa-*.jar | grep -v '\.original$' | head -1)
fi
case "$JAR" in /*) ;; *) JAR="$ROOT/$JAR" ;; esac

if curl -s -o /dev/null "$BASE/actuator/health"; then
  echo "port $PORT is already in use: set E2E_PORT" >&2; exit 2
fi

WORK=$(mktemp -d -t zhifa-e2e.XXXXXX)
APP=""
stop_app() {
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
    kill "$APP" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
  fi
  if [ -n "${E2E_KEEP:-}" ]; then echo "app folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

echo "== starting $(basename "$JAR") on port $PORT (fresh H2 in $WORK)"
started=$(date +%s)
# zhifa.test-clock.enabled: administrators may move the engine clock (PUT /api/test-clock, TestClockController),
# which path 08 uses to make deadlines green, yellow and red; never set outside tests
(cd "$WORK" && exec java -Xmx768m -jar "$JAR" --server.port="$PORT" --zhifa.test-clock.enabled=true >"$WORK/app.log" 2>&1) &
APP=$!
until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 "$APP" 2>/dev/null; then
    echo "the application stopped during start-up; last lines of its log:" >&2; tail -40 "$WORK/app.log" >&2; exit 1
  fi
  if [ $(( $(date +%s) - started )) -gt 480 ]; then
    echo "the application was not healthy after 480 s; last lines of its log:" >&2; tail -40 "$WORK/app.log" >&2; exit 1
  fi
  sleep 1
done
echo "== application up after $(( $(date +%s) - started )) s"
# first requests initialise the webapps' resources and plugin endpoints (slow on a loaded machine, where the
# webapps' module loader may give up on a plugin script): warm them once, as the first visitor would
for app in tasklist cockpit admin welcome; do
  for path in "app/$app/default/" "app/$app/camunda-$app-bootstrap.js" "api/$app/plugin/${app}Plugins/static/app/plugin.js"; do
    curl -s -o /dev/null --max-time 120 "$BASE/camunda/$path" || true
  done
done
curl -s -o /dev/null --max-time 120 "$BASE/camunda/lib/deps.js" || true
curl -s -o /dev/null --max-time 120 "$BASE/public/" || true

mkdir -p target/e2e
failed=()
results=()
for f in "${PATHS[@]}"; do
  name=$(basename "$f" .js)
  shots="target/e2e/$name"
  rm -rf "$shots"; mkdir -p "$shots"
  echo "== path $name"
  t0=$(date +%s)
  if E2E_BASE="$BASE" E2E_SHOTS="$ROOT/$shots" E2E_APP_LOG="$WORK/app.log" node "$f"; then
    results+=("PASS  $name  ($(( $(date +%s) - t0 )) s)")
  else
    results+=("FAIL  $name  ($(( $(date +%s) - t0 )) s) — see the step above and $shots/")
    failed+=("$name")
  fi
done

echo "== browser suite"
printf '   %s\n' "${results[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "== last lines of the application log (errors):"
  grep -E 'ERROR|Exception' "$WORK/app.log" | tail -15 || true
  echo "== browser suite FAILED: ${failed[*]}"
  exit 1
fi
echo "== browser suite passed (${#PATHS[@]} paths)"
