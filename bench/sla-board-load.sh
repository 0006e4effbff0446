#!/usr/bin/env bash
# Benchmark of the SLA board's REST API (issue 17; not a test, see docs/sla.md): the application on PostgreSQL with
# 100,000 running cases, then the first page of /api/sla/deadlines and /api/sla/summary, as head1 (one agency)
# and supervisor1 (all agencies), timed with curl one request at a time. Prints p50 and p95 of each; then the
# application is started again keeping no counts (zhifa.sla.summary-max-age=PT0S; COUNTED=0 skips this) to show what
# counting every deadline at each request costs.
#
#   bench/sla-board-load.sh                 # 100,000 cases, 200 timed requests per endpoint
#   CASES=20000 REQUESTS=100 bench/sla-board-load.sh
#   PAGE=0 COUNTED=0 bench/sla-board-load.sh  # the REST measures only
#
# Two real cases are registered through the API (one per agency); their engine rows (instance, 审批立案 task with its
# due date, candidate group, case number variable) are then copied in SQL to CASES running instances, half per
# agency, with due dates spread from 30 days overdue to 40 days ahead, so the board sees red, yellow and green;
# each instance also gets the 90-day decision period's timer (a deadline timer: 2 × CASES deadlines in all).
# Needs PostgreSQL at $PGHOST:$PGPORT (trust auth, user $PGUSER) and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${BENCH_DB:-zhifa_bench_sla}
PORT=${BENCH_PORT:-18089}
CASES=${CASES:-100000}
REQUESTS=${REQUESTS:-200}
BUILD_DIR=${BUILD_DIR:-target-bench}
BASE="http://127.0.0.1:$PORT"

echo "== database $DB"
psql -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
psql -d postgres -qc "CREATE DATABASE \"$DB\""

if [ -z "${BENCH_JAR:-}" ]; then
  echo "== building the application (-Dbuild.dir=$BUILD_DIR)"
  mvn -B -q -Dbuild.dir="$BUILD_DIR" -Dmaven.test.skip=true package
fi
JAR=${BENCH_JAR:-$(ls "$BUILD_DIR"/zhifa-*.jar | head -1)}

LOG=$(mktemp)
APP=""
trap 'if [ -n "$APP" ]; then kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; fi' EXIT
start_app() { # extra application arguments
  echo "== starting the application on PostgreSQL with the demo organisation, port $PORT $* (log $LOG)"
  ZHIFA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" ZHIFA_DB_USER="$PGUSER" ZHIFA_ADMIN_PASSWORD=demo \
    java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres,demo --zhifa.demo.enabled=true --server.port="$PORT" \
    --camunda.bpm.job-execution.enabled=false --logging.level.root=WARN "$@" >"$LOG" 2>&1 &
  APP=$!
  for i in $(seq 1 240); do
    if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 $APP 2>/dev/null; then cat "$LOG"; exit 1; fi
    sleep 1
  done
  curl -fs "$BASE/actuator/health" >/dev/null
}
stop_app() {
  kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; APP=""
}
start_app

register() { # user agency violation (retried: the demo organisation is set up just after start-up)
  for _ in $(seq 1 30); do register_once "$@" && return 0; sleep 2; done
  echo "could not register a case as $1" >&2; return 1
}
register_once() {
  curl -fs -u "$1:demo" -H 'Content-Type: application/json' -X POST "$BASE/api/cases" -d "{\"agencyCode\":\"$2\",
    \"caseSource\":\"PATROL\",\"partyType\":\"PERSON\",\"partyName\":\"基准\",\"partyAddress\":\"云南省曲靖市麒麟区人民路1号\",\"partyIdNumber\":\"530302199001011232\",
    \"violationCode\":\"$3\",\"facts\":\"基准测试\",\"discoveredOn\":\"$(date +%F)\",\"violationDate\":\"$(date +%F)\"}" >/dev/null
}
echo "== two template cases through the API"
register officer1 LIAOKUO CM-OCCUPY-ROAD
register officer4 QLSCJ MR-UNLICENSED

echo "== copying them to $CASES running cases"
psql -d "$DB" -q -v ON_ERROR_STOP=1 -v cases="$CASES" <<'SQL'
CREATE TEMP TABLE tpl AS
  SELECT t.TENANT_ID_ AS tenant, t.PROC_INST_ID_ AS pi, t.ID_ AS task
  FROM ACT_RU_TASK t WHERE t.TASK_DEF_KEY_ = 'userTask_approveFiling';
CREATE TEMP TABLE gen AS
  SELECT i, (SELECT tenant FROM tpl ORDER BY tenant OFFSET (i % 2) LIMIT 1) AS tenant,
         'bench-pi-' || i AS pi, 'bench-task-' || i AS task, 'bench-var-' || i AS var, 'bench-link-' || i AS link,
         now() - interval '30 days' + (i % 70) * interval '1 day' + (i % 24) * interval '1 hour' AS due
  FROM generate_series(1, :cases) AS i;
INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PARENT_ID_, PROC_DEF_ID_,
    SUPER_EXEC_, SUPER_CASE_EXEC_, CASE_INST_ID_, ACT_ID_, ACT_INST_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_,
    IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_, SEQUENCE_COUNTER_, TENANT_ID_, PROC_DEF_KEY_)
  SELECT g.pi, 1, g.pi, g.pi, '基准罚〔2026〕' || g.i || '号', NULL, e.PROC_DEF_ID_, NULL, NULL, NULL, e.ACT_ID_,
    e.ACT_INST_ID_, e.IS_ACTIVE_, e.IS_CONCURRENT_, e.IS_SCOPE_, e.IS_EVENT_SCOPE_, 1, e.CACHED_ENT_STATE_,
    e.SEQUENCE_COUNTER_, g.tenant, e.PROC_DEF_KEY_
  FROM gen g JOIN tpl ON tpl.tenant = g.tenant JOIN ACT_RU_EXECUTION e ON e.ID_ = tpl.pi;
INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, CASE_EXECUTION_ID_, CASE_INST_ID_,
    CASE_DEF_ID_, NAME_, PARENT_TASK_ID_, DESCRIPTION_, TASK_DEF_KEY_, OWNER_, ASSIGNEE_, DELEGATION_, PRIORITY_,
    CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, FOLLOW_UP_DATE_, SUSPENSION_STATE_, TENANT_ID_)
  SELECT g.task, 1, g.pi, g.pi, t.PROC_DEF_ID_, NULL, NULL, NULL, t.NAME_, NULL, NULL, t.TASK_DEF_KEY_, NULL,
    CASE WHEN g.i % 5 = 0 THEN 'head1' END, NULL, t.PRIORITY_, g.due - interval '21 days', NULL, g.due, NULL, 1, g.tenant
  FROM gen g JOIN tpl ON tpl.tenant = g.tenant JOIN ACT_RU_TASK t ON t.ID_ = tpl.task;
INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_, PROC_DEF_ID_, TENANT_ID_)
  SELECT g.link, 1, l.GROUP_ID_, l.TYPE_, NULL, g.task, NULL, g.tenant
  FROM gen g JOIN tpl ON tpl.tenant = g.tenant JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = tpl.task AND l.TYPE_ = 'candidate';
INSERT INTO ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, CASE_EXECUTION_ID_,
    CASE_INST_ID_, TASK_ID_, BATCH_ID_, BYTEARRAY_ID_, DOUBLE_, LONG_, TEXT_, TEXT2_, VAR_SCOPE_, SEQUENCE_COUNTER_,
    IS_CONCURRENT_LOCAL_, TENANT_ID_)
  SELECT g.var, 1, 'string', 'caseId', g.pi, g.pi, v.PROC_DEF_ID_, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    '基准罚〔2026〕' || g.i || '号', NULL, g.pi, 1, FALSE, g.tenant
  FROM gen g JOIN tpl ON tpl.tenant = g.tenant JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = tpl.pi AND v.NAME_ = 'caseId';
-- each case also runs its 90-day decision period (the enforcement case's deadline timer), 50 days after the
-- filing task's due date; one in a hundred is paused (its period suspended, e.g. for a hearing)
INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, ROOT_PROC_INST_ID_, PROCESS_INSTANCE_ID_,
    PROCESS_DEF_ID_, PROCESS_DEF_KEY_, RETRIES_, DUEDATE_, HANDLER_TYPE_, HANDLER_CFG_, SUSPENSION_STATE_, JOB_DEF_ID_,
    PRIORITY_, SEQUENCE_COUNTER_, TENANT_ID_, CREATE_TIME_)
  SELECT 'bench-job-' || g.i, 1, 'timer', TRUE, g.pi, g.pi, g.pi, jd.PROC_DEF_ID_, 'enforcement-case', 3,
    g.due + interval '50 days', 'timer-transition', '{"activityId":"timerEvent_decisionBreach"}',
    CASE WHEN g.i % 100 = 37 THEN 2 ELSE 1 END, jd.ID_, 0, 1, g.tenant, g.due - interval '40 days'
  FROM gen g JOIN tpl ON tpl.tenant = g.tenant JOIN ACT_RU_TASK t ON t.ID_ = tpl.task
  JOIN ACT_RU_JOBDEF jd ON jd.ACT_ID_ = 'timerEvent_decisionBreach' AND jd.PROC_DEF_ID_ = t.PROC_DEF_ID_;
SQL
# as autovacuum leaves the tables of a running system (visibility map set: index-only scans read no table pages)
psql -d "$DB" -qc "VACUUM ANALYZE"
psql -d "$DB" -Atc "SELECT 'running tasks with a due date: ' || COUNT(*) FROM ACT_RU_TASK WHERE DUE_DATE_ IS NOT NULL"
psql -d "$DB" -Atc "SELECT 'timers: ' || COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'"

measure() { # label user path
  for _ in $(seq 1 20); do curl -fs -o /dev/null -u "$2:demo" "$BASE$3"; done
  for _ in $(seq 1 "$REQUESTS"); do curl -fs -o /dev/null -w '%{time_total}\n' -u "$2:demo" "$BASE$3"; done \
    | sort -n | awk -v label="$1" '{t[NR]=$1} END {printf "%-48s p50 %6.1f ms   p95 %6.1f ms\n", label,
        1000*t[int(NR*0.50)], 1000*t[int(NR*0.95)]}'
}
echo "== $REQUESTS requests each, one at a time (after 20 to warm up)"
measure "baseline GET /api/calendar/workdays (no board)" head1 "/api/calendar/workdays?from=2026-11-02&add=5"
measure "deadlines, first page, head1 (one agency)" head1 "/api/sla/deadlines"
measure "deadlines, first page, supervisor1 (all)" supervisor1 "/api/sla/deadlines"
measure "deadlines, red only, supervisor1" supervisor1 "/api/sla/deadlines?state=red"
measure "summary, head1" head1 "/api/sla/summary"
measure "summary, supervisor1 (per-agency table)" supervisor1 "/api/sla/summary"
measure "summary, head1, filtered by person" head1 "/api/sla/summary?person=head1"

# the Cockpit page in a real browser (Debian chromium and e2e/'s node packages, as the browser suite installs them)
if [ "${PAGE:-1}" = 1 ] && [ -x /usr/bin/chromium ] && [ -d e2e/node_modules/playwright-core ]; then
  echo "== the board's Cockpit page in chromium (${PAGE_RUNS:-20} loads each)"
  node bench/sla-board-page.js "$BASE" head1 supervisor1
else
  echo "== chromium or e2e/node_modules missing (.ci/install-browser): the page is not measured"
fi

# what one count costs: the application again with nothing kept (every summary request counts every deadline)
if [ "${COUNTED:-1}" = 1 ]; then
  stop_app
  start_app --zhifa.sla.summary-max-age=PT0S
  echo "== the same summaries counted at every request (zhifa.sla.summary-max-age=PT0S)"
  measure "baseline GET /api/calendar/workdays (no board)" head1 "/api/calendar/workdays?from=2026-11-02&add=5"
  measure "summary counted, head1" head1 "/api/sla/summary"
  measure "summary counted, supervisor1 (per-agency table)" supervisor1 "/api/sla/summary"
fi
