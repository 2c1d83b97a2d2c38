#!/usr/bin/env bash
# One benchmark command: builds what is missing, prints the machine, runs the project's benchmarks and the
# NumPy/SciPy/PyWavelets peers side by side, and prints one table (what, ours, peer, ratio, goal).
# Usage: bench/run.sh [--quick] [--no-cold-start] [--no-load] [--build]   (see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
# The JDK the product runs on (Lambda java25, run.sh): its start-up and speed are what count.
. bin/use-jdk25.sh
build=0
for a in "$@"; do [ "$a" = "--build" ] && build=1; done
if [ $build = 1 ] || [ ! -f shared-dsp/target/shared-dsp-cli.jar ] || [ ! -f shared-dsp/target/test-classes/org/signalanalyzer/dsp/cli/Bench.class ] \
        || [ ! -f local/target/signal-analyzer-local.jar ]; then
    echo "# building (mvn package -DskipTests)" >&2
    mvn -B -q -o package -DskipTests >&2 || mvn -B -q package -DskipTests >&2
fi
exec python3 bench/run.py "$@"
