package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        TimedRuns.checkSeconds(seconds);

        AnalysisResult first = once(file, request);
        TimedRuns runs = TimedRuns.of(seconds, () -> once(file, request).qDepolPc());
        out.printf("file          %s%n", file.getFileName());
        out.printf(
                "analysis      mode %s, chain %s, starting point %s -> %s%n",
                request.mode().label(),
                request.chain().presetName().orElse(request.chain().toString()),
                request.startingPoint(),
                first.startingPoint() == null ? "(onsets)" : first.startingPoint());
        out.printf(
                "runs          %d in %.2f s (after warm-up), reading included%n",
                runs.count(), runs.totalNanos() / 1e9);
        out.printf(
                "time/run      %.3f ms median, %.3f ms best, %.3f ms mean%n",
                runs.medianNanos() / 1e6, runs.bestNanos() / 1e6, runs.meanNanos() / 1e6);
    }

    private static AnalysisResult once(Path file, AnalysisRequest request) throws Exception {
        return StepProtocolAnalysis.run(file.getFileName().toString(), Files.readAllBytes(file), request);
    }
}
