package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;

/**
 * {@code bench analyze FILE [analyze options] [--seconds S]}: the full step-protocol analysis again and again,
 * reading included (bytes from disk, SHA-256 beside the parse, filter, pipeline, integrals), after a JIT warm-up. The peer
 * is the desktop's Python on the same file.
 */
final class AnalyzeBenchmark implements BenchCommand.Benchmark {

    @Override
    public String usage() {
        return "bench analyze FILE [--mode desktop|standard] [--preset P | --chain CHAIN.json] "
                + "[--start-point auto|N] [--seconds S]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        double seconds = args.doubleOption("seconds", 5);
        Path file = CommandLinePaths.input(args.positional(0, "FILE"), "FILE");
        AnalysisRequest request = AnalyzeCommand.AnalysisRequestOptions.read(
                        args, file.getFileName().toString())
                .request();
        args.rejectUnknown();
        if (!(seconds > 0) || seconds > 3600)
            throw new UsageException("--seconds must be in (0, 3600], got " + seconds);

        AnalysisResult first = once(file, request);
        long warmUntil = System.nanoTime() + (long) (Math.min(2.0, seconds / 2) * 1e9);
        double sink = 0;
        while (System.nanoTime() < warmUntil) sink += once(file, request).qDepolPc();

        long[] times = new long[1 << 16];
        int runs = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while ((now < end || runs < 3) && runs < times.length) {
            long t = System.nanoTime();
            sink += once(file, request).qDepolPc();
            now = System.nanoTime();
            times[runs++] = now - t;
        }
        long[] sorted = Arrays.copyOf(times, runs);
        Arrays.sort(sorted);
        out.printf("file          %s%n", file.getFileName());
        out.printf(
                "analysis      mode %s, chain %s, starting point %s -> %s%n",
                request.mode().label(),
                request.chain().presetName().orElse(request.chain().toString()),
                request.startingPoint(),
                first.startingPoint() == null ? "(onsets)" : first.startingPoint());
        out.printf("runs          %d in %.2f s (after warm-up), reading included%n", runs, (now - start) / 1e9);
        out.printf(
                "time/run      %.3f ms median, %.3f ms best, %.3f ms mean%n",
                sorted[runs / 2] / 1e6, sorted[0] / 1e6, (now - start) / 1e6 / runs);
        if (Double.isNaN(sink)) out.println();
    }

    private static AnalysisResult once(Path file, AnalysisRequest request) throws Exception {
        return StepProtocolAnalysis.run(file.getFileName().toString(), Files.readAllBytes(file), request);
    }
}
