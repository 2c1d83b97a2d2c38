package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * {@code bench read FILE [--seconds S]}: reads a recording from disk again and again, the way the API does (bytes
 * from the file, format detection, parse), and prints throughput in file MB/s and samples/s.
 */
final class ReadBenchmark implements BenchCommand.Benchmark {

    @Override
    public String usage() {
        return "bench read FILE [--seconds S]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        double seconds = args.doubleOption("seconds", 5);
        args.rejectUnknown();
        TimedRuns.checkSeconds(seconds);
        Path file = CommandLinePaths.input(args.positional(0, "FILE"), "FILE");
        long bytes = Files.size(file);
        Recording first = RecordingReaders.read(file);
        long samples = (long) first.sweepCount() * first.channelCount() * first.samplesPerSweep();

        TimedRuns runs = TimedRuns.of(seconds, () -> RecordingReaders.read(file).sample(0, 0, 0));
        double median = runs.medianNanos() / 1e9;
        double best = runs.bestNanos() / 1e9;
        double perRead = runs.meanNanos() / 1e9;
        out.printf("file          %s (%s, %d bytes, %d samples)%n", file.getFileName(), first.format(), bytes, samples);
        out.printf("reads         %d in %.2f s (after warm-up)%n", runs.count(), runs.totalNanos() / 1e9);
        out.printf(
                "time/read     %.3f ms median, %.3f ms mean, %.3f ms best%n", median * 1e3, perRead * 1e3, best * 1e3);
        out.printf(
                "throughput    %.1f MB/s median, %.1f MB/s mean, %.1f MB/s best (file bytes, 1 MB = 1e6 bytes)%n",
                bytes / median / 1e6, bytes / perRead / 1e6, bytes / best / 1e6);
        out.printf("samples/s     %.3g median%n", samples / median);
    }
}
