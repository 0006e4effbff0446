#!/usr/bin/env bash
# Whole-case benchmark (issue 15, docs/performance.md): Zhifa against a bare Camunda 7.24 + Spring Boot 3.5.7
# application (bench/bare: same starters and drivers, history FULL, the ordinary case's user and service tasks, no
# security, listeners or DMN), side by side in one session. Not a test and not part of mvn verify.
#
# Each round starts each application on a fresh database (the order alternates from round to round), measures the
# start-up (process start to the first 200 of GET /engine-rest/process-definition/key/<its process>), carries WARMUP
# cases, then CASES whole cases with 1 and with 4 concurrent clients through the engine's REST API (bench/case-load.js:
# the ordinary case of e2e/paths/01-ordinary-case.js as its users do it — the start form, then for each of the 12 user
# tasks: find it, claim it, submit its form; the bare application gets the same calls) and stops it. Around each
# measured run it reads the CPU the JVM used (/proc/<pid>/stat) and, on PostgreSQL, the CPU of the backends serving the
# application's database, per case; after the load, the JVM's resident memory. Prints a markdown table; each ratio is
# Zhifa / bare, the median of the per-round pairs.
#
#   bench/case-load.sh                                 # H2 (each application's default, a fresh file database)
#   DB=pg bench/case-load.sh                           # PostgreSQL at $PGHOST:$PGPORT, user $PGUSER (trust), fresh databases
#   CASES=100 ROUNDS=5 bench/case-load.sh              # bigger; defaults: CASES=20 ROUNDS=3 WARMUP=60 CLIENTS="1 4"
#   SKIP_BUILD=1 bench/case-load.sh                    # reuse the jars in $BUILD_DIR and $BUILD_DIR/bare
#
# Other settings: BUILD_DIR (target-bench), MVN_FLAGS (e.g. -o), JAVA_OPTS (-Xmx1g, the same for both), NICE (a
# prefix for both JVMs and the driver, e.g. "nice -n 19"), BARE_PORT/ZHIFA_PORT (18181/18182), KEEP=1 keeps the
# working folder (logs, results.tsv). Needs Java 17, Maven, node and curl (psql for DB=pg).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

CASES=${CASES:-20}
ROUNDS=${ROUNDS:-3}
# warm-up cases (2 clients) before measuring: both JVMs compile for a couple of minutes; after 5 cases Zhifa ran at about
# half and bare at about 45 % of the rate they reach after 100 (docs/performance.md, 2026-12-02 third run)
WARMUP=${WARMUP:-60}
CLIENTS=${CLIENTS:-"1 4"}
DB=${DB:-h2}
BUILD_DIR=${BUILD_DIR:-target-bench}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
MVN_FLAGS=${MVN_FLAGS:-}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
NICE=${NICE:-}
BARE_PORT=${BARE_PORT:-18181}
ZHIFA_PORT=${ZHIFA_PORT:-18182}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
case "$DB" in h2|pg) ;; *) echo "DB must be h2 or pg" >&2; exit 2 ;; esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/case-load.XXXXXX")
RESULTS=$WORK/results.tsv
: >"$RESULTS"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "(kept $WORK)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building Zhifa (-Dbuild.dir=$BUILD_DIR) and the bare baseline (-Dbuild.dir=$BUILD_DIR/bare)"
  mvn -B -q $MVN_FLAGS -Dbuild.dir="$BUILD_DIR" -Dmaven.test.skip=true package
  mvn -B -q $MVN_FLAGS -f bench/bare/pom.xml -Dbuild.dir="$BUILD_DIR/bare" package
fi
ZHIFA_JAR=$(ls "$BUILD_DIR"/zhifa-*.jar | head -1)
BARE_JAR=$(ls "$BUILD_DIR"/bare/bare-camunda-*.jar | head -1)

now() { date +%s%N; }

# start <app> <round>: a fresh database and folder, the JVM in the background; sets APP_PID, APP_URL, STARTUP (s)
start() {
  local app=$1 round=$2 dir="$WORK/$1-$2" db="zhifa_bench_case_$1"
  mkdir -p "$dir"
  local -a args env=()
  if [ "$DB" = pg ]; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    psql -d postgres -qc "CREATE DATABASE \"$db\""
  fi
  if [ "$app" = bare ]; then
    APP_URL="http://127.0.0.1:$BARE_PORT"
    args=(-jar "$BARE_JAR" --server.port="$BARE_PORT")
    [ "$DB" = pg ] && args+=(--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
      --spring.datasource.username="$PGUSER" --spring.datasource.password=)
    READY="$APP_URL/engine-rest/process-definition/key/bare-case"
  else
    APP_URL="http://127.0.0.1:$ZHIFA_PORT"
    args=(-jar "$ZHIFA_JAR" --server.port="$ZHIFA_PORT")
    # the demo organisation's users (password demo) carry the case; on H2 they are there by default
    [ "$DB" = pg ] && { env=(ZHIFA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" ZHIFA_DB_USER="$PGUSER" ZHIFA_DB_PASSWORD=
      ZHIFA_ADMIN_PASSWORD=demo); args+=(--spring.profiles.active=postgres,demo); }
    READY="$APP_URL/engine-rest/process-definition/key/enforcement-case"
  fi
  local t0; t0=$(now)
  # shellcheck disable=SC2086
  (cd "$dir" && exec env "${env[@]}" $NICE java $JAVA_OPTS "${args[@]}" >"$dir/app.log" 2>&1) &
  APP_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u officer1:demo "$READY")" = 200 ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then tail -40 "$dir/app.log" >&2; echo "$app did not start" >&2; exit 1; fi
    if [ $(( ($(now) - t0) / 1000000000 )) -gt 600 ]; then echo "$app not up after 600 s" >&2; exit 1; fi
    sleep 0.1
  done
  STARTUP=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
}

stop() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

TICK=$(getconf CLK_TCK)
# cpu_ms <pid>…: user + system CPU the processes have used so far, in ms (0 for a process that is gone)
cpu_ms() {
  local total=0 pid t
  for pid in "$@"; do
    # fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing parenthesis
    t=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }') || t=0
    total=$((total + ${t:-0}))
  done
  echo $((total * 1000 / TICK))
}
# db_pids <app>: the PostgreSQL backends serving the application's database (none on H2: the database is in the JVM)
db_pids() {
  [ "$DB" = pg ] || return 0
  pgrep -f "^postgres: .* zhifa_bench_case_$1 " || true
}
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

drive() { # drive <app> <cases> <clients> → the driver's JSON line
  # shellcheck disable=SC2086
  $NICE node bench/case-load.js run "$1" "$APP_URL" "$2" "$3"
}

field() { node -e 'const r = JSON.parse(process.argv[1]); console.log(r[process.argv[2]])' "$1" "$2"; }

echo "== $ROUNDS round(s), DB=$DB, CASES=$CASES per client count ($CLIENTS), WARMUP=$WARMUP, JAVA_OPTS=$JAVA_OPTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="bare zhifa"; else order="zhifa bare"; fi
  for app in $order; do
    start "$app" "$round"
    printf '%s\t%s\tstartup\t%s\n' "$round" "$app" "$STARTUP" >>"$RESULTS"
    echo "round $round $app: started in $STARTUP s"
    [ "$WARMUP" -gt 0 ] && drive "$app" "$WARMUP" 2 >/dev/null
    for c in $CLIENTS; do
      # CPU per case: the JVM's, and on PostgreSQL its backends' (connections are pooled, so they live through the run)
      mapfile -t backends < <(db_pids "$app")
      jvm0=$(cpu_ms "$APP_PID"); db0=$(cpu_ms "${backends[@]}")
      out=$(drive "$app" "$CASES" "$c")
      mapfile -t after < <(db_pids "$app")
      jvm1=$(cpu_ms "$APP_PID"); db1=$(cpu_ms "${backends[@]}")
      # a backend opened during the run counts from zero
      for pid in "${after[@]}"; do [[ " ${backends[*]} " == *" $pid "* ]] || db1=$((db1 + $(cpu_ms "$pid"))); done
      printf '%s\t%s\tjvm-cpu-%s\t%s\n' "$round" "$app" "$c" "$(( (jvm1 - jvm0) / CASES ))" >>"$RESULTS"
      [ "$DB" = pg ] && printf '%s\t%s\tdb-cpu-%s\t%s\n' "$round" "$app" "$c" "$(( (db1 - db0) / CASES ))" >>"$RESULTS"
      printf '%s\t%s\tcases-%s\t%s\n' "$round" "$app" "$c" "$(field "$out" casesPerSecond)" >>"$RESULTS"
      printf '%s\t%s\tcalls\t%s\n' "$round" "$app" "$(field "$out" callsPerCase)" >>"$RESULTS"
      echo "round $round $app: $out"
    done
    printf '%s\t%s\trss\t%s\n' "$round" "$app" "$(rss_mb "$APP_PID")" >>"$RESULTS"
    stop
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Whole-case benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), DB=$DB, $(nproc) cores, load average $LOAD_BEFORE before / $LOAD_AFTER after;"
echo "$CASES cases per client count after $WARMUP warm-up cases, fresh database per start, JAVA_OPTS=$JAVA_OPTS:"
echo
node bench/case-load.js report "$RESULTS"
