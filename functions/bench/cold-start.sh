#!/usr/bin/env bash
# Cold-start benchmark of the Lambda handler (not a test): fresh JVMs -> first answered process request, then warm
# process and integrals latencies, on ../shared/data/desktop/202304_0521.atf; in turn, a trivial Micronaut function's
# first answer (the peer). Ours runs on the Lambda jar itself (functions-lambda.jar, Micronaut AOT included), the
# peer on the same libraries without this project's classes. Usage: functions/bench/cold-start.sh [runs]
# COLD_START_JAVA_OPTS replaces template.yaml's JAVA_TOOL_OPTIONS for both (" " for none); COLD_START_AOT_CACHE=1
# first trains a JDK AOT cache for each (one run each, not counted) and starts both on their own; =both measures
# without, then with (summary lines prefixed "cached."). Lambda does not get such a cache (bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
source functions/bench/classpath.sh
bench_build package -DskipTests
# The children start from jars only, as on Lambda (and as a JDK AOT cache requires). Both hand their handler the
# tests' stand-in Lambda context, whose base class lives in the Lambda jar: the peer gets that class (and its
# nested logger) too.
stand_in=()
for c in functions/target/classes/org/signalanalyzer/functions/priming/StandInLambdaContext*.class; do
    stand_in+=(-C functions/target/classes "${c#functions/target/classes/}")
done
jar --create --file functions/target/bench-child.jar -C functions/target/test-classes org/signalanalyzer/functions/bench \
    -C functions/target/test-classes org/signalanalyzer/functions/support "${stand_in[@]}"
mvn -B -q -o -pl shared-dsp,functions dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/runtime.classpath
libraries=$(tr ':' '\n' < functions/target/runtime.classpath | grep -v 'shared-dsp' | paste -sd: -)
tool_options=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *"\(.*\)" *$/\1/p' template.yaml | head -1)
export COLD_START_JAVA_OPTS="${COLD_START_JAVA_OPTS-$tool_options}"
echo "child JVM options: ${COLD_START_JAVA_OPTS:-(none)}${COLD_START_AOT_CACHE:+ (JDK AOT cache: $COLD_START_AOT_CACHE)}"
cd functions
exec java -cp "$BENCH_CLASSPATH" \
    -Dcoldstart.ours.classpath="$PWD/target/bench-child.jar:$PWD/target/functions-lambda.jar" \
    -Dcoldstart.peer.classpath="$PWD/target/bench-child.jar:${libraries}" \
    org.signalanalyzer.functions.bench.ColdStart "${1:-5}"
