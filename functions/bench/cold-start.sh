#!/usr/bin/env bash
# Cold-start benchmark of the Lambda handler (not a test): fresh JVMs -> first answered process request, then warm
# process and integrals latencies, on ../shared/data/desktop/202304_0521.atf; in turn, a trivial Micronaut function's
# first answer (the peer). Usage: functions/bench/cold-start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f functions/node_modules/dynalite/cli.js ] || npm ci --prefix functions --no-audit --no-fund
mvn -B -q -pl functions -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
# S3Proxy needs jackson-annotations 2.22 (stack.md section 2); surefire swaps it in for the tests, this does it here.
annotations=$(find ~/.m2/repository/com/fasterxml/jackson/core/jackson-annotations/2.22 -name 'jackson-annotations-2.22.jar' | head -1)
cp=$(sed "s#[^:]*jackson-annotations-[0-9.]*\.jar#${annotations}#" functions/target/bench.classpath)
# The JVM options Lambda gives the handler (template.yaml's JAVA_TOOL_OPTIONS), to ours and the peer alike;
# COLD_START_JAVA_OPTS, when set, replaces them (COLD_START_JAVA_OPTS=" " for none).
tool_options=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *"\(.*\)" *$/\1/p' template.yaml | head -1)
export COLD_START_JAVA_OPTS="${COLD_START_JAVA_OPTS-$tool_options}"
echo "child JVM options: ${COLD_START_JAVA_OPTS:-(none)}"
cd functions
exec java -cp "target/test-classes:target/classes:../shared-dsp/target/classes:${cp}" \
    org.signalanalyzer.functions.bench.ColdStart "${1:-5}"
