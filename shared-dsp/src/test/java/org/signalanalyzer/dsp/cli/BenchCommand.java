package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bench WHAT ...}: speed measurements (never tests). Each benchmark prints its figures as text; the
 * repository's bench script runs them beside the NumPy/SciPy peers through {@link Bench}. They live in the test
 * sources so neither the CLI jar nor the Lambda jar ships them.
 */
final class BenchCommand implements Command {

    /** One benchmark: {@code bench NAME args...}. */
    interface Benchmark {
        String usage();

        void run(Arguments args, PrintStream out) throws Exception;
    }

    private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();

    BenchCommand() {
        benchmarks.put("read", new ReadBenchmark());
        benchmarks.put("analyze", new AnalyzeBenchmark());
        benchmarks.put("filters", new FilterBenchmark());
        benchmarks.put("export", new ExportBenchmark());
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench " + String.join("|", benchmarks.keySet()) + " ...";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        String what = args.positional(0, "what to benchmark (" + String.join(", ", benchmarks.keySet()) + ")");
        Benchmark b = benchmarks.get(what);
        if (b == null) throw new UsageException("unknown benchmark '" + what + "'");
        args.positional().remove(0);
        b.run(args, out);
    }
}
