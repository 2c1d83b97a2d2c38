package org.signalanalyzer.dsp.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the CLI (or of the benchmarks' launcher) as the shell would run it, its output in UTF-8. */
public record CliRun(int code, String out, String err) {

    /** {@code java -jar shared-dsp-cli.jar ARGS...} */
    public static CliRun cli(String... args) {
        return run(Cli::run, args);
    }

    public static CliRun cli(List<String> args) {
        return cli(args.toArray(String[]::new));
    }

    /** {@code java ... Bench ARGS...} */
    static CliRun bench(String... args) {
        return run(Bench::run, args);
    }

    private interface Main {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static CliRun run(Main main, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
