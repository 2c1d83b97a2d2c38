#!/usr/bin/env bash
# Runs the whole product on this machine: builds it when the jar is missing or older than the sources, then starts
# the local runtime (web page, API, storage, sessions, cleanup in one process) and prints the URL to open.
# Flags and environment variables: see `./run.sh --help` (port 8080 and ./signal-analyzer-data by default).
set -euo pipefail
cd "$(dirname "$0")"
. bin/use-jdk25.sh
jar=local/target/signal-analyzer-local.jar
archive=local/target/signal-analyzer-local.jsa
aot_cache=local/target/signal-analyzer-local.aot

if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml shared-dsp/src functions/src static-site/src \
      static-site/web/src static-site/web/public static-site/web/index.html static-site/web/package-lock.json local/src \
      -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building Signal Analyzer (first run or sources changed; about a minute)..."
  mvn -B -q -ntp package -DskipTests
fi

# What the build recorded from a training start: on a JDK 25 an AOT cache (classes loaded and linked, method
# profiles), else a class-data-sharing archive; either halves start-up or better, and the jar runs without them.
cds=()
if [ -f "$aot_cache" ] && [ ! "$aot_cache" -ot "$jar" ]; then
  cds=(-XX:AOTCache="$aot_cache")
elif [ -f "$archive" ]; then
  cds=(-XX:SharedArchiveFile="$archive" -Xshare:auto)
fi
exec java "${cds[@]}" -jar "$jar" "$@"
