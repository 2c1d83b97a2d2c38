#!/usr/bin/env bash
# Start-up time of the local runtime: from launching `java -jar` to (1) the page served (GET / answers 200) and
# (2) the first API answer right after (POST /api/sessions answers 201). The page comes from the runtime's front
# door (FrontDoor) while the server starts; the API answer needs the server and S3Proxy. Each run uses a fresh data
# folder.
# The machine may be shared, so the process's CPU time (user+sys, from /proc) up to the page is reported too: it
# does not grow with other people's load the way wall time does.
# It runs what run.sh runs: the JDK 25 when the machine has one, with the AOT cache the build records on it
# (java -XX:AOTCache=local/target/signal-analyzer-local.aot -jar ...), else the class-data-sharing archive
# (-XX:SharedArchiveFile=local/target/signal-analyzer-local.jsa).
# Usage: local/bench/startup.sh [runs=5] [port=18089]   (build first: mvn -B -q package -DskipTests)
#        JAVA_OPTS= local/bench/startup.sh          without the cache or archive
#        JAVA_OPTS="..." local/bench/startup.sh     other JVM options
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/use-jdk25.sh
JAR=local/target/signal-analyzer-local.jar
if [ -z "${JAVA_OPTS+set}" ]; then
  if [ -f local/target/signal-analyzer-local.aot ]; then
    JAVA_OPTS=-XX:AOTCache=local/target/signal-analyzer-local.aot
  else
    JAVA_OPTS=-XX:SharedArchiveFile=local/target/signal-analyzer-local.jsa
  fi
fi
RUNS=${1:-5}
PORT=${2:-18089}
[ -f "$JAR" ] || { echo "build first: mvn -B -q package -DskipTests (missing $JAR)" >&2; exit 2; }
# A missing archive, or one recorded before the jar was rebuilt, is skipped by the JVM without a word: say so.
archive=$(grep -oE '(SharedArchiveFile|AOTCache)=[^ ]*' <<<"$JAVA_OPTS" | cut -d= -f2 || true)
if [ -n "$archive" ] && [ ! "$archive" -nt "$JAR" ]; then
  echo "warning: $archive is missing or older than $JAR: this measures start-up WITHOUT the recorded classes" \
       "(rebuild with mvn -B -q package -DskipTests)" >&2
fi
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
page=(); api=(); cpu=()
for run in $(seq 1 "$RUNS"); do
  data=$(mktemp -d)
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --port "$PORT" --data "$data" >"$data.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the runtime died:" >&2; cat "$data.log" >&2; exit 1; }
    if [ $(( $(now_ms) - t0 )) -gt 30000 ]; then
      kill "$pid"; echo "no page at / after 30 s (was the jar built with the static-site module?)" >&2; exit 1
    fi
    sleep 0.01
  done
  t1=$(now_ms)
  cpu_ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  cpu_ms=$(( cpu_ticks * 1000 / $(getconf CLK_TCK) ))
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$PORT/api/sessions")
  t2=$(now_ms)
  [ "$code" = 201 ] || { echo "POST /api/sessions answered $code" >&2; exit 1; }
  kill "$pid"; wait "$pid" || true
  rm -rf "$data" "$data.log"
  page+=($((t1 - t0))); api+=($((t2 - t0))); cpu+=("$cpu_ms")
  echo "run $run: page served after $((t1 - t0)) ms (process CPU so far $cpu_ms ms), first API answer (new session) after $((t2 - t0)) ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median of $RUNS: page $(median "${page[@]}") ms (CPU $(median "${cpu[@]}") ms), first API answer $(median "${api[@]}") ms; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
