#!/usr/bin/env bash
# Tasklist smoke test in a real browser (not part of `mvn -B verify`): builds the jar, starts it on a
# fresh H2 database in a temporary folder, drives Debian chromium through the Camunda Tasklist with the
# demo users, then checks through REST that the case reached 调查取证. Screenshots in e2e/screenshots/.
#   e2e/tasklist-smoke.sh            (needs: chromium — .ci/install-browser — node and npm)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18177}
[ -x /usr/bin/chromium ] || { echo "chromium missing: run .ci/install-browser" >&2; exit 1; }
(cd e2e && npm ci --silent)
mvn -B -q -Dbuild.dir=target-e2e -Dmaven.test.skip=true package
JAR=$(ls target-e2e/zhifa-*.jar | head -1)
WORK=$(mktemp -d)
(cd "$WORK" && java -jar "$OLDPWD/$JAR" --server.port="$PORT" >"$WORK/app.log" 2>&1) &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for i in $(seq 1 120); do curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
mkdir -p e2e/screenshots
node e2e/tasklist-smoke.js "http://localhost:$PORT" e2e/screenshots
investigations=$(curl -s -u officer1:demo "http://localhost:$PORT/engine-rest/task/count?taskDefinitionKey=userTask_investigate" | sed 's/[^0-9]//g')
if [ "$investigations" != "1" ]; then echo "expected the filed case at 调查取证, found $investigations task(s)" >&2; exit 1; fi
echo "Tasklist smoke test passed: case registered by officer1 and filed by head1 through their forms"
