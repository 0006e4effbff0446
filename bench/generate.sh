#!/usr/bin/env bash
# The case data generator of issue 15 §4 (docs/performance.md): a PostgreSQL database with CASES cases of Zhifa or of
# the bare baseline, made in minutes instead of days. Not a test and not part of mvn verify.
#
#   bench/generate.sh zhifa [database]     # default database zf_bench_zhifa (dropped and made anew)
#   bench/generate.sh bare [database]      # default database zf_bench_bare
#   CASES=2000 bench/generate.sh zhifa     # default CASES=100000
#
# 1. starts the application on a fresh database and records what its set-up made (gen.snapshot, bench/generate.sql);
# 2. carries the template cases through the engine's REST API as their users do (node bench/query-load.js seed: Zhifa's
#    31 running cases — ordinary cases stopped at each stage, a major case in legal review, a transfer to the second
#    agency, cases of both agencies — and 124 closed and disclosed ones, a fifth running (RUNNING_SHARE); bare: its 24
#    running LIAOKUO cases and 96 closed), waits for the jobs due and stops it;
# 3. copies every row the template cases made — engine runtime and history (executions, tasks, variables, byte arrays,
#    identity links, authorizations, jobs, DMN and job history, the operation log) and Zhifa's own tables (cases,
#    officers, evidence, documents, disclosures, legal reviews, transfers, SLA outcomes) — ceil(CASES / templates) − 1
#    times with new ids, business keys and case numbers and their dates moved back by 0–30 days, a copy's own offset
#    (gen.prepare, gen.clone in batches of BATCH copies; the engine's jobs keep their due dates), then
#    moves the identity sequences on and ANALYZEs. The full-process record is not copied (docs/performance.md).
#
# Settings: RUNNING_SHARE (0.2: the share of running cases among the templates, the rest closed), BUILD_DIR
# (target-bench: the jars of mvn package and of bench/bare), JAVA_OPTS (-Xmx1g), NICE (prefix for
# the JVM, the driver and psql, e.g. "nice -n 19"), BATCH (50), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres, trust),
# ZHIFA_PORT/BARE_PORT, WORK (a folder for the logs; default a new temporary one). Needs Java 17, node, curl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=${1:?usage: bench/generate.sh <zhifa|bare> [database]}
case "$APP" in zhifa|bare) ;; *) echo "the application is zhifa or bare" >&2; exit 2 ;; esac
DBNAME=${2:-zf_bench_$APP}
CASES=${CASES:-100000}
BATCH=${BATCH:-50}
BUILD_DIR=${BUILD_DIR:-target-bench}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
NICE=${NICE:-}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/generate.XXXXXX")}
mkdir -p "$WORK"
# shellcheck source=bench/app.sh
. "$ROOT/bench/app.sh"
trap app_stop EXIT

sql() { $NICE psql -d "$DBNAME" -v ON_ERROR_STOP=1 -qAt -c 'SET client_min_messages = warning' "$@"; }

t_start=$(date +%s)
echo "== $APP: fresh database $DBNAME, $CASES cases (logs in $WORK)"
PGOPTIONS="-c client_min_messages=warning" psql -d postgres -qc "DROP DATABASE IF EXISTS \"$DBNAME\" WITH (FORCE)"
psql -d postgres -qc "CREATE DATABASE \"$DBNAME\""
app_start "$APP" "$DBNAME" "$WORK/$APP-generate/app.log"
$NICE psql -d "$DBNAME" -v ON_ERROR_STOP=1 -q -f bench/generate.sql 2>/dev/null
sql -c 'SELECT gen.snapshot()' >/dev/null
# shellcheck disable=SC2086
$NICE node bench/query-load.js seed "$APP" "$APP_URL" 2>"$WORK/$APP-seed.log"
app_stop
t_seeded=$(date +%s)

sql -c 'SELECT * FROM gen.prepare()' >"$WORK/$APP-templates.txt"
TEMPLATES=$(sql -c 'SELECT count(DISTINCT business_key_) FROM gen.stg_act_hi_procinst')
ROWS=$(sql -c 'SELECT sum(template_rows) FROM gen.tables')
COPIES=$(( (CASES + TEMPLATES - 1) / TEMPLATES - 1 ))
echo "$APP: $TEMPLATES template cases ($ROWS rows) in $((t_seeded - t_start)) s; $COPIES copies in batches of $BATCH"
done_copies=0
while [ "$done_copies" -lt "$COPIES" ]; do
  to=$(( done_copies + BATCH < COPIES ? done_copies + BATCH : COPIES ))
  n=$(sql -c "SELECT gen.clone($((done_copies + 1)), $to)")
  echo "$APP: copies $((done_copies + 1))–$to: $n rows ($(( $(date +%s) - t_seeded )) s)"
  done_copies=$to
done
sql -c 'SELECT gen.finish()' >/dev/null
sql -c 'VACUUM ANALYZE' >/dev/null
echo "$APP: $(( TEMPLATES * (COPIES + 1) )) cases, $(sql -c 'SELECT count(*) FROM act_ru_task') open tasks, database" \
  "$(sql -c "SELECT pg_size_pretty(pg_database_size('$DBNAME'))") in $(( $(date +%s) - t_start )) s"
