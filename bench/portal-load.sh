#!/usr/bin/env bash
# Load benchmark of the public disclosure portal (not a test; see docs/disclosure.md):
# 100,000 published items in PostgreSQL, the application on PostgreSQL, wrk against the first
# list page and a detail page. Prints req/s and p99 latency of each.
#
#   bench/portal-load.sh            # defaults: 20 s per endpoint, 2 threads, 32 connections
#   DURATION=30s CONNECTIONS=64 bench/portal-load.sh
#
# Needs PostgreSQL at $PGHOST:$PGPORT (trust auth, user $PGUSER) and Maven; installs Debian wrk if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${BENCH_DB:-zhifa_bench_portal}
PORT=${BENCH_PORT:-18088}
ITEMS=${ITEMS:-100000}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
BUILD_DIR=${BUILD_DIR:-target-bench}

if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq wrk >/dev/null
fi

echo "== database $DB"
psql -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
psql -d postgres -qc "CREATE DATABASE \"$DB\""

echo "== building the application (-Dbuild.dir=$BUILD_DIR)"
mvn -B -q -Dbuild.dir="$BUILD_DIR" -Dmaven.test.skip=true package
JAR=$(ls "$BUILD_DIR"/zhifa-*.jar | head -1)

LOG=$(mktemp)
echo "== starting the application on PostgreSQL, port $PORT (log $LOG)"
ZHIFA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" ZHIFA_DB_USER="$PGUSER" ZHIFA_ADMIN_PASSWORD=bench \
  java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres --server.port="$PORT" \
  --camunda.bpm.job-execution.enabled=false --logging.level.root=WARN >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then cat "$LOG"; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

echo "== seeding $ITEMS published items"
psql -d "$DB" -q <<SQL
INSERT INTO zf_agency (code, name, short_name, category, area, address, legal_representative, legal_basis)
VALUES ('BENCH', '基准测试执法局', '基准', '综合行政执法', '某区', '某区某路1号', '某某', '《行政处罚法》')
ON CONFLICT DO NOTHING;
INSERT INTO zf_disclosure (item_no, version, is_current, status, case_id, agency_code, agency_name, decision_type,
  decision_number, decision_date, party_type, party_name, category, conclusion, legal_basis, due_at, published_at,
  delay_working_days, public_until)
SELECT substr(md5(i::text), 1, 16), 1, TRUE, 'PUBLISHED', '基准罚〔2026〕' || i || '号', 'BENCH', '基准测试执法局',
  (ARRAY['PERMIT','PENALTY','COERCION','EXPROPRIATION','OTHER'])[1 + i % 5], '基准罚决〔2026〕' || i || '号',
  DATE '2026-01-01' + (i % 300), CASE WHEN i % 3 = 0 THEN 'ORG' ELSE 'PERSON' END,
  CASE WHEN i % 3 = 0 THEN '某某商贸有限公司' || i ELSE '张*' END, '市场监管',
  '当事人未按规定公示经营信息，依据相关规定决定罚款' || (i % 50 + 1) * 100 || '元。', '《中华人民共和国行政处罚法》第二十八条',
  TIMESTAMP WITH TIME ZONE '2026-01-10 23:59:59+08' + (i % 300) * INTERVAL '1 day',
  TIMESTAMP WITH TIME ZONE '2026-01-05 10:00:00+08' + i * INTERVAL '2 minutes', 0, DATE '2099-12-31'
FROM generate_series(1, $ITEMS) AS i;
ANALYZE zf_disclosure;
SQL
DETAIL=$(psql -d "$DB" -Atc "SELECT item_no FROM zf_disclosure ORDER BY id LIMIT 1 OFFSET $((ITEMS / 2))")
COUNT=$(psql -d "$DB" -Atc "SELECT count(*) FROM zf_disclosure")
echo "   $COUNT rows; detail item $DETAIL"

run() {
  local name=$1 url=$2
  curl -fs -o /dev/null "$url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" >/dev/null          # warm-up (JIT, connection pool)
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
  echo "$out" | sed 's/^/   /'
  local rps p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  RESULTS+=("$(printf '%-28s %10s req/s   p99 %8s   non-2xx %s' "$name" "$rps" "$p99" "${errors:-0}")")
}
RESULTS=()
echo "== wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per endpoint"
# baseline in the same run: a portal page served from a data file, no database query
run "baseline (remedies, no DB)" "http://127.0.0.1:$PORT/public/remedies"
run "list (first page, HTML)" "http://127.0.0.1:$PORT/public/disclosures"
run "list (first page, JSON)" "http://127.0.0.1:$PORT/public/api/disclosures"
run "detail (HTML)" "http://127.0.0.1:$PORT/public/disclosures/$DETAIL"
echo
echo "== results ($COUNT items, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ))"
printf '%s\n' "${RESULTS[@]}"
BASE=$(echo "${RESULTS[0]}" | awk '{print $(NF-5)}')
echo "== throughput relative to the baseline"
for r in "${RESULTS[@]:1}"; do
  echo "$r" | awk -v base="$BASE" '{name=$0; sub(/ +[0-9.]+ req\/s.*/, "", name); printf "   %-28s %.2f x baseline\n", name, $(NF-5) / base}'
done
