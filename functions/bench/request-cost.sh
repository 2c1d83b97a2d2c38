#!/usr/bin/env bash
# Request-cost benchmark of the Lambda handler (not a test): warm duration of each request type of a typical
# session times its function's MemorySize in template.yaml = GB-seconds per request (docs/cost.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
source functions/bench/classpath.sh
bench_build test-compile
cd functions
exec java -cp "$BENCH_CLASSPATH" org.signalanalyzer.functions.bench.RequestCost "${1:-7}"
