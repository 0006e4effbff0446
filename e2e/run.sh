#!/usr/bin/env bash
# Real-browser suite over the user paths (issue 12 §2): starts the jar built by `mvn -B verify` on a fresh
# H2 database (demo organisation) in a temporary folder, then runs every e2e/paths/*.js in order — or only
# the paths given as arguments (file names with or without .js, or a prefix such as 06) — each in its own
# node process driving Debian chromium through Tasklist and Cockpit. Screenshots: target/e2e/<path>/.
#   e2e/run.sh                 all paths
#   e2e/run.sh 06 01-ordinary  a subset
# Environment: E2E_PORT (default 18103), E2E_JAR (default target/zhifa-*.jar), E2E_LANES (default 1: applications
# running paths side by side, ports E2E_PORT, E2E_PORT+1, …, each taking the next path when its last one ends), E2E_HEADED=1 (debugging), E2E_KEEP=1 (keep the
# temporary working folders and their app.log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${E2E_PORT:-18103}

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

# lanes: E2E_LANES applications, each on its own fresh H2 and port (PORT, PORT+1, …); each lane takes the next path
# not yet taken (file-name order) when its last one ends, so a path never shares its application (nor the engine
# clock some paths move) with a path running at the same time. The first lane starts running paths as soon as its
# application is up; the next application starts then (two starting side by side take twice as long each).
LANES=${E2E_LANES:-1}
[ "$LANES" -ge 1 ] 2>/dev/null || { echo "E2E_LANES must be a positive number" >&2; exit 2; }
[ "$LANES" -le "${#PATHS[@]}" ] || LANES=${#PATHS[@]}
for lane in $(seq 0 $((LANES - 1))); do
  if curl -s -o /dev/null "http://localhost:$((PORT + lane))/actuator/health"; then
    echo "port $((PORT + lane)) is already in use: set E2E_PORT" >&2; exit 2
  fi
done

WORKS=()
APPS=()
LANE_PIDS=()
QUEUE=$(mktemp -d -t zhifa-e2e-queue.XXXXXX)
echo 0 >"$QUEUE/next"
stop_apps() {
  for pid in "${LANE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${APPS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  for w in "${WORKS[@]}"; do
    if [ -n "${E2E_KEEP:-}" ]; then echo "app folder kept: $w"; else rm -rf "$w"; fi
  done
  rm -rf "$QUEUE"
}
trap stop_apps EXIT
trap 'exit 130' INT TERM

# start_app <lane>: the jar on a fresh H2 in a new folder, on port PORT+lane; returns when it is healthy and its
# webapps are warm
start_app() {
  local lane=$1 port=$(($PORT + $1)) t0
  local base="http://localhost:$port"
  WORKS[$lane]=$(mktemp -d -t zhifa-e2e.XXXXXX)
  echo "== starting $(basename "$JAR") on port $port (fresh H2 in ${WORKS[$lane]})"
  t0=$(date +%s)
  # zhifa.test-clock.enabled: administrators may move the engine clock (PUT /api/test-clock, TestClockController),
  # which path 08 uses to make deadlines green, yellow and red; never set outside tests
  (cd "${WORKS[$lane]}" && exec java -Xmx768m -jar "$JAR" --server.port="$port" --zhifa.test-clock.enabled=true \
    >"${WORKS[$lane]}/app.log" 2>&1) &
  APPS[$lane]=$!
  until curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "${APPS[$lane]}" 2>/dev/null; then
      echo "the application stopped during start-up; last lines of its log:" >&2; tail -40 "${WORKS[$lane]}/app.log" >&2; exit 1
    fi
    if [ $(( $(date +%s) - t0 )) -gt 480 ]; then
      echo "the application was not healthy after 480 s; last lines of its log:" >&2; tail -40 "${WORKS[$lane]}/app.log" >&2; exit 1
    fi
    sleep 1
  done
  echo "== application on port $port up after $(( $(date +%s) - t0 )) s"
  # first requests initialise the webapps' resources and plugin endpoints (slow on a loaded machine, where the
  # webapps' module loader may give up on a plugin script): warm them once, as the first visitor would
  for app in tasklist cockpit admin welcome; do
    for path in "app/$app/default/" "app/$app/camunda-$app-bootstrap.js" "api/$app/plugin/${app}Plugins/static/app/plugin.js"; do
      curl -s -o /dev/null --max-time 120 "$base/camunda/$path" || true
    done
  done
  curl -s -o /dev/null --max-time 120 "$base/camunda/lib/deps.js" || true
  curl -s -o /dev/null --max-time 120 "$base/public/" || true
}

# next_path: the index of the next path no lane has taken (≥ the number of paths when none is left)
next_path() {
  local n
  {
    flock 9
    n=$(cat "$QUEUE/next")
    echo $((n + 1)) >"$QUEUE/next"
  } 9>"$QUEUE/lock"
  echo "$n"
}

# run_lane <lane>: paths taken from the queue, one after another, against the lane's application; one result line
# per path in <work>/results ("PASS|FAIL name seconds")
run_lane() {
  local lane=$1 work=${WORKS[$1]} base="http://localhost:$((PORT + $1))" i f name shots t0
  : >"$work/results"
  while i=$(next_path) && [ "$i" -lt "${#PATHS[@]}" ]; do
    f=${PATHS[$i]}
    name=$(basename "$f" .js)
    shots="target/e2e/$name"
    rm -rf "$shots"; mkdir -p "$shots"
    echo "== path $name$([ "$LANES" -gt 1 ] && echo " (lane $((lane + 1)))")"
    t0=$(date +%s)
    if E2E_BASE="$base" E2E_SHOTS="$ROOT/$shots" E2E_APP_LOG="$work/app.log" node "$f"; then
      echo "PASS $name $(( $(date +%s) - t0 ))" >>"$work/results"
    else
      echo "FAIL $name $(( $(date +%s) - t0 ))" >>"$work/results"
    fi
  done
}

mkdir -p target/e2e
started=$(date +%s)
if [ "$LANES" -eq 1 ]; then
  start_app 0
  run_lane 0
else
  for lane in $(seq 0 $((LANES - 1))); do
    start_app "$lane"
    echo "== lane $((lane + 1)) of $LANES running paths (its output is printed when the suite ends)"
    run_lane "$lane" >"${WORKS[$lane]}/lane.log" 2>&1 &
    LANE_PIDS[$lane]=$!
  done
  for lane in $(seq 0 $((LANES - 1))); do
    wait "${LANE_PIDS[$lane]}" || true
  done
  for lane in $(seq 0 $((LANES - 1))); do
    cat "${WORKS[$lane]}/lane.log"
  done
  LANE_PIDS=()
fi

failed=()
echo "== browser suite (${#PATHS[@]} paths, $(( $(date +%s) - started )) s with the start-up)"
for lane in $(seq 0 $((LANES - 1))); do
  lane_failed=0
  while read -r result name seconds; do
    if [ "$result" = PASS ]; then
      echo "   PASS  $name  ($seconds s)"
    else
      echo "   FAIL  $name  ($seconds s) — see the step above and target/e2e/$name/"
      failed+=("$name")
      lane_failed=1
    fi
  done <"${WORKS[$lane]}/results"
  if [ $lane_failed -eq 1 ]; then
    echo "== last lines of the application log of lane $((lane + 1)) (errors):"
    grep -E 'ERROR|Exception' "${WORKS[$lane]}/app.log" | tail -15 || true
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "== browser suite FAILED: ${failed[*]}"
  exit 1
fi
echo "== browser suite passed (${#PATHS[@]} paths)"
