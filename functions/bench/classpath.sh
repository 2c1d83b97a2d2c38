# Sourced by the functions benchmarks (cold-start.sh, request-cost.sh), from the repository root: builds functions
# and its tests with the Maven goals given, and sets BENCH_CLASSPATH (absolute paths) to what the benchmark's own JVM runs on.
# Lambda runs these handlers on java25: measure them on a JDK 25 when the machine has one.
. bin/use-jdk25.sh
bench_build() {
    [ -f functions/node_modules/dynalite/cli.js ] || npm ci --prefix functions --no-audit --no-fund
    mvn -B -q -pl shared-dsp,functions "$@" dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/bench.classpath
    # S3Proxy needs jackson-annotations 2.22 (stack.md section 2); surefire swaps it in for the tests, this does it here.
    local annotations
    annotations=$(find ~/.m2/repository/com/fasterxml/jackson/core/jackson-annotations/2.22 \
        -name 'jackson-annotations-2.22.jar' | head -1)
    BENCH_CLASSPATH="$PWD/functions/target/test-classes:$PWD/functions/target/classes:$PWD/shared-dsp/target/classes:$(sed \
        "s#[^:]*jackson-annotations-[0-9.]*\.jar#${annotations}#" functions/target/bench.classpath)"
}
