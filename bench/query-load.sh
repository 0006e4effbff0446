#!/usr/bin/env bash
# Query benchmark of issue 15 §1/§4 (docs/performance.md): Tasklist's and the case API's queries at CASES cases on
# PostgreSQL, Zhifa against the bare Camunda baseline (bench/bare), side by side. Not a test and not part of mvn verify.
#
#   bench/query-load.sh                     # CASES=100000: generates both databases (bench/generate.sh), then measures
#   CASES=2000 REPS=20 bench/query-load.sh  # the small run of .ci/run: proves the commands work, judges no timing
#   SKIP_GENERATE=1 bench/query-load.sh     # measures again on the databases of an earlier run
#   SKIP_BUILD=1 …                          # reuses the jars in $BUILD_DIR and $BUILD_DIR/bare
#
# Each application is started on its generated database and asked each query REPS times (after WARMUP) one at a
# time (node bench/query-load.js measure): the officer's task count, the four Tasklist filter counts, "my tasks", the
# task list's first 15 rows, /api/cases and /api/cases/{id}, supervisors' lists; bare gets the same engine queries
# (filters with officer1's criteria written out) and, for Zhifa's /api routes, the engine queries the same page needs.
# Prints a markdown table: p50 / p95 in ms, the ratio of the p95s (Zhifa / bare) and the rows each answer counted.
#
# Settings: CASES (100000), REPS (50), WARMUP (5), MEASURE_SECONDS (60: a measure stops after this once a call is
# measured — slow queries take minutes each at 100,000 cases), BATCH (copies per statement, 50), BUILD_DIR (target-bench),
# MVN_FLAGS (e.g. -o), JAVA_OPTS (-Xmx1g, both), NICE (prefix for the JVMs, the driver and psql, e.g. "nice -n 19"),
# DB_PREFIX (zf_bench: databases ${DB_PREFIX}_zhifa and ${DB_PREFIX}_bare), DROP=1 drops them at the end, KEEP=1 keeps
# the working folder (logs, results.tsv). Needs Java 17, Maven, node, curl and psql (PostgreSQL at
# $PGHOST:$PGPORT, user $PGUSER with trust: 127.0.0.1, 5432, postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CASES=${CASES:-100000}
REPS=${REPS:-50}
export WARMUP=${WARMUP:-5}
BUILD_DIR=${BUILD_DIR:-target-bench}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
export BUILD_DIR
MVN_FLAGS=${MVN_FLAGS:-}
export JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
export NICE=${NICE:-}
DB_PREFIX=${DB_PREFIX:-zf_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/query-load.XXXXXX")
export WORK
RESULTS=$WORK/results.tsv
: >"$RESULTS"
# shellcheck source=bench/app.sh
. "$ROOT/bench/app.sh"
cleanup() {
  app_stop
  if [ "${DROP:-0}" = 1 ]; then
    for app in zhifa bare; do psql -d postgres -qc "DROP DATABASE IF EXISTS \"${DB_PREFIX}_$app\" WITH (FORCE)" || true; done
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "(kept $WORK)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building Zhifa (-Dbuild.dir=$BUILD_DIR) and the bare baseline (-Dbuild.dir=$BUILD_DIR/bare)"
  # shellcheck disable=SC2086
  mvn -B -q $MVN_FLAGS -Dbuild.dir="$BUILD_DIR" -Dmaven.test.skip=true package
  # shellcheck disable=SC2086
  mvn -B -q $MVN_FLAGS -f bench/bare/pom.xml -Dbuild.dir="$BUILD_DIR/bare" -Dmaven.test.skip=true package
fi

if [ "${SKIP_GENERATE:-0}" != 1 ]; then
  for app in zhifa bare; do bench/generate.sh "$app" "${DB_PREFIX}_$app"; done
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for app in zhifa bare; do
  db="${DB_PREFIX}_$app"
  app_start "$app" "$db" "$WORK/$app-measure/app.log"
  cases=$(psql -d "$db" -qAtc "SELECT count(DISTINCT business_key_) FROM act_hi_procinst")
  tasks=$(psql -d "$db" -qAtc "SELECT count(*) FROM act_ru_task")
  echo "$app: $cases business keys, $tasks open tasks, $(psql -d "$db" -qAtc "SELECT pg_size_pretty(pg_database_size('$db'))")"
  # shellcheck disable=SC2086
  $NICE node bench/query-load.js measure "$app" "$APP_URL" "$REPS" | tee -a "$RESULTS"
  app_stop
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Query benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), PostgreSQL, CASES=$CASES, $(nproc) cores, load average" \
  "$LOAD_BEFORE before / $LOAD_AFTER after; concurrency 1, $REPS repetitions after $WARMUP, JAVA_OPTS=$JAVA_OPTS:"
echo
node bench/query-load.js report "$RESULTS"
