#!/usr/bin/env bash
# Request-cost benchmark of the Lambda handler (not a test): warm duration of each request type of a typical
# session times its function's MemorySize in template.yaml = GB-seconds per request (docs/cost.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f functions/node_modules/dynalite/cli.js ] || npm ci --prefix functions --no-audit --no-fund
mvn -B -q -pl functions -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
# S3Proxy needs jackson-annotations 2.22 (stack.md section 2); surefire swaps it in for the tests, this does it here.
annotations=$(find ~/.m2/repository/com/fasterxml/jackson/core/jackson-annotations/2.22 -name 'jackson-annotations-2.22.jar' | head -1)
cp=$(sed "s#[^:]*jackson-annotations-[0-9.]*\.jar#${annotations}#" functions/target/bench.classpath)
cd functions
exec java -cp "target/test-classes:target/classes:../shared-dsp/target/classes:${cp}" \
    org.signalanalyzer.functions.bench.RequestCost "${1:-7}"
