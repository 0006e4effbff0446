# Sourced by bench/generate.sh and bench/query-load.sh: starts and stops Zhifa or the bare baseline on a PostgreSQL
# database. Expects ROOT, BUILD_DIR, WORK, JAVA_OPTS, NICE, PGHOST/PGPORT/PGUSER; sets APP_PID and APP_URL.
ZHIFA_PORT=${ZHIFA_PORT:-18182}
BARE_PORT=${BARE_PORT:-18181}
APP_PID=""

app_jar() { # app_jar <zhifa|bare>
  if [ "$1" = bare ]; then ls "$BUILD_DIR"/bare/bare-camunda-*.jar | head -1; else ls "$BUILD_DIR"/zhifa-*.jar | head -1; fi
}

# app_start <zhifa|bare> <database> <log file>: the JVM in the background, returns when its REST API answers
app_start() {
  local app=$1 db=$2 log=$3 ready t0
  local -a args env=()
  if [ "$app" = bare ]; then
    APP_URL="http://127.0.0.1:$BARE_PORT"
    args=(-jar "$(app_jar bare)" --server.port="$BARE_PORT"
      --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$PGUSER"
      --spring.datasource.password=)
    ready="$APP_URL/engine-rest/process-definition/key/bare-case"
  else
    APP_URL="http://127.0.0.1:$ZHIFA_PORT"
    # the demo organisation (officer1 … supervisor1, password demo) on PostgreSQL, as bench/case-load.sh starts it
    env=(ZHIFA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" ZHIFA_DB_USER="$PGUSER" ZHIFA_DB_PASSWORD=
      ZHIFA_ADMIN_PASSWORD=demo)
    args=(-jar "$(app_jar zhifa)" --server.port="$ZHIFA_PORT" --spring.profiles.active=postgres,demo)
    ready="$APP_URL/engine-rest/process-definition/key/enforcement-case"
  fi
  mkdir -p "$(dirname "$log")"
  t0=$(date +%s)
  # shellcheck disable=SC2086
  (cd "$(dirname "$log")" && exec env "${env[@]}" $NICE java $JAVA_OPTS "${args[@]}" >"$log" 2>&1) &
  APP_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u officer1:demo "$ready")" = 200 ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then tail -40 "$log" >&2; echo "$app did not start" >&2; return 1; fi
    if [ $(( $(date +%s) - t0 )) -gt 900 ]; then echo "$app not up after 900 s" >&2; return 1; fi
    sleep 1
  done
  echo "$app up on $db in $(( $(date +%s) - t0 )) s"
}

app_stop() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}
