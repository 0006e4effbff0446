#!/usr/bin/env bash
# Benchmark of the annual statistics (issue 19, R-DISC-7; not a test, see docs/annual-statistics.md): the application on
# PostgreSQL with CASES decided cases of one agency (寥廓, LIAOKUO) in last year, then the January timer's job executed
# through the engine's REST API (it computes every agency's figures and starts their reports), and RECOMPUTES returns
# of 寥廓's report by 党政办 (each computes the figures again), each timed with curl.
#
#   bench/annual-statistics.sh                  # 50,000 cases, 3 recomputations
#   CASES=10000 RECOMPUTES=5 bench/annual-statistics.sh
#
# The cases are generated in SQL: zf_case rows decided over the year (one in five by the summary procedure), each with
# its decision's variables in the engine's history (ACT_HI_VARINST: decisionKind, fineAmount spread over the four fine
# bands, confiscationValue for one in ten, revokesLicence, summaryPenaltyKind), and one in twenty with a seizure step
# (ACT_HI_ACTINST) — the rows AnnualFigures reads. Needs PostgreSQL at $PGHOST:$PGPORT (trust auth, user $PGUSER) and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${BENCH_DB:-zhifa_bench_annual}
PORT=${BENCH_PORT:-18090}
CASES=${CASES:-50000}
RECOMPUTES=${RECOMPUTES:-3}
BUILD_DIR=${BUILD_DIR:-target-bench}
BASE="http://127.0.0.1:$PORT"
YEAR=$(( $(TZ=Asia/Shanghai date +%Y) - 1 ))

echo "== database $DB"
psql -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
psql -d postgres -qc "CREATE DATABASE \"$DB\""

if [ -z "${BENCH_JAR:-}" ]; then
  echo "== building the application (-Dbuild.dir=$BUILD_DIR)"
  mvn -B -q -Dbuild.dir="$BUILD_DIR" -Dmaven.test.skip=true package
fi
JAR=${BENCH_JAR:-$(ls "$BUILD_DIR"/zhifa-*.jar | grep -v '\.original$' | head -1)}

LOG=$(mktemp)
APP=""
trap 'if [ -n "$APP" ]; then kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; fi' EXIT
echo "== starting the application on PostgreSQL with the demo organisation, port $PORT (log $LOG)"
ZHIFA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" ZHIFA_DB_USER="$PGUSER" ZHIFA_ADMIN_PASSWORD=demo \
  java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres,demo --zhifa.demo.enabled=true --server.port="$PORT" \
  --camunda.bpm.job-execution.enabled=false --logging.level.root=WARN >"$LOG" 2>&1 &
APP=$!
for _ in $(seq 1 240); do
  if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then cat "$LOG"; exit 1; fi
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null
for _ in $(seq 1 60); do # the demo organisation is set up just after start-up
  [ "$(psql -d "$DB" -Atc "SELECT COUNT(*) FROM zf_agency WHERE code = 'LIAOKUO'")" = 1 ] && break; sleep 1
done

echo "== $CASES cases of LIAOKUO decided in $YEAR"
psql -d "$DB" -q -v ON_ERROR_STOP=1 -v cases="$CASES" -v year="$YEAR" <<'SQL'
CREATE TEMP TABLE gen AS
  SELECT i, 'bench-pi-' || i AS pi, '基准罚〔' || :year || '〕' || i || '号' AS case_no,
         make_timestamptz(:year, 1, 1, 0, 0, 0, 'Asia/Shanghai') + (i % 360) * interval '1 day' + (i % 9) * interval '1 hour' AS decided,
         i % 5 = 0 AS summary,
         CASE WHEN i % 25 = 0 THEN 'NO_PENALTY' ELSE 'PENALTY' END AS kind,
         CASE WHEN i % 5 = 0 THEN 100 + (i % 100) WHEN i % 4 = 0 THEN 150000 WHEN i % 3 = 0 THEN 20000 ELSE 3000 END AS fine
  FROM generate_series(1, :cases) AS i;
INSERT INTO zf_case (case_no, agency_code, process_instance_id, source, summary_procedure, party_type, party_name,
    party_id_number, violation_code, facts, discovered_on, stage, registered_at, registered_by, filed_at, decided_at, closed_at)
  SELECT case_no, 'LIAOKUO', pi, 'PATROL', summary, 'PERSON', '基准', '530302199001011232', 'CM-OCCUPY-ROAD', '基准测试',
    (decided - interval '20 days')::date, 'CLOSED', decided - interval '20 days', 'officer1', decided - interval '19 days',
    decided, decided + interval '10 days'
  FROM gen;
INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, REV_,
    TEXT_, LONG_, DOUBLE_, TENANT_ID_, STATE_, CREATE_TIME_)
  SELECT 'bench-v1-' || i, 'enforcement-case', pi, pi, pi, 'decisionKind', 'string', 1, kind, NULL::bigint, NULL::double precision, 'LIAOKUO', 'CREATED', decided FROM gen
  UNION ALL
  SELECT 'bench-v2-' || i, 'enforcement-case', pi, pi, pi, 'fineAmount', 'double', 1, NULL, NULL, fine, 'LIAOKUO', 'CREATED', decided
  FROM gen WHERE kind = 'PENALTY'
  UNION ALL
  SELECT 'bench-v3-' || i, 'enforcement-case', pi, pi, pi, 'confiscationValue', 'double', 1, NULL, NULL, 800, 'LIAOKUO', 'CREATED', decided
  FROM gen WHERE i % 10 = 3
  UNION ALL
  SELECT 'bench-v4-' || i, 'enforcement-case', pi, pi, pi, 'revokesLicence', 'boolean', 1, NULL, CASE WHEN i % 50 = 7 THEN 1 ELSE 0 END,
    NULL, 'LIAOKUO', 'CREATED', decided FROM gen WHERE NOT summary
  UNION ALL
  SELECT 'bench-v5-' || i, 'enforcement-case', pi, pi, pi, 'summaryPenaltyKind', 'string', 1, 'FINE', NULL, NULL, 'LIAOKUO', 'CREATED',
    decided FROM gen WHERE summary;
INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_,
    ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_, TENANT_ID_)
  SELECT 'bench-a-' || i, 'enforcement-case', 'bench', pi, pi, pi, 'serviceTask_startSeizure', '实施查封扣押', 'serviceTask',
    decided - interval '15 days', decided - interval '15 days', 0, 4, 1, 'LIAOKUO'
  FROM gen WHERE i % 20 = 0;
SQL
psql -d "$DB" -qc "VACUUM ANALYZE"
psql -d "$DB" -Atc "SELECT 'cases: ' || COUNT(*) FROM zf_case WHERE agency_code = 'LIAOKUO'"
psql -d "$DB" -Atc "SELECT 'engine history variables: ' || COUNT(*) FROM ACT_HI_VARINST"

echo "== the January timer's job (figures of every agency computed, their reports started)"
JOB=$(curl -fs -u admin:demo "$BASE/engine-rest/job?processDefinitionKey=annual-statistics-schedule&timers=true" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
[ -n "$JOB" ] || { echo "no timer job of annual-statistics-schedule" >&2; exit 1; }
curl -fs -o /dev/null -w 'timer job (all agencies):          %{time_total} s\n' -u admin:demo -X POST "$BASE/engine-rest/job/$JOB/execute"

KEY="年度统计-$YEAR-LIAOKUO"
FIG=$(curl -fs -u supervisor1:demo "$BASE/api/annual-statistics?year=$YEAR&agency=LIAOKUO")
echo "figures of LIAOKUO: $(echo "$FIG" | grep -o '"penalty.decisions":[0-9]*'), $(echo "$FIG" | grep -o '"penalty.fineAmount":[0-9.E]*')"
PI=$(psql -d "$DB" -Atc "SELECT process_instance_id FROM zf_annual_statistics WHERE agency_code = 'LIAOKUO' AND report_year = $YEAR")
for n in $(seq 1 "$RECOMPUTES"); do
  TASK=$(psql -d "$DB" -Atc "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = '$PI' AND TASK_DEF_KEY_ = 'userTask_officeSignOff'")
  curl -fs -o /dev/null -w "recompute $n (党政办 returns it):       %{time_total} s\n" -u office1:demo -H 'Content-Type: application/json' \
    -X POST "$BASE/engine-rest/task/$TASK/submit-form" \
    -d '{"variables":{"annualStatisticsOutcome":{"value":"RETURN"},"annualStatisticsOpinion":{"value":"基准测试：重新统计"}}}'
done
