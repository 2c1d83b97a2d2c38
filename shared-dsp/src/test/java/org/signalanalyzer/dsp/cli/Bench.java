package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;

/**
 * The benchmarks' launcher, kept in the test sources so the shipped CLI and Lambda jars hold no benchmark code:
 * {@code java -cp shared-dsp/target/shared-dsp-cli.jar:shared-dsp/target/test-classes
 * org.signalanalyzer.dsp.cli.Bench read|analyze|filters|export ...} (bench/run.py does this). Exit codes as the CLI's.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(new BenchCommand(), args, out, err);
    }
}
