package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        if (!(seconds > 0) || seconds > 3600)
            throw new UsageException("--seconds must be in (0, 3600], got " + seconds);
        Path file = CommandLinePaths.input(args.positional(0, "FILE"), "FILE");
        long bytes = Files.size(file);
        Recording first = RecordingReaders.read(file);
        long samples = (long) first.sweepCount() * first.channelCount() * first.samplesPerSweep();

        // Warm-up: let the JIT compile the parse loops before anything is timed.
        long warmUntil = System.nanoTime() + (long) (Math.min(2.0, seconds / 2) * 1e9);
        double sink = 0;
        while (System.nanoTime() < warmUntil)
            sink += RecordingReaders.read(file).sample(0, 0, 0);

        int reads = 0;
        long[] times = new long[1024];
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end || reads < 3) {
            long t = System.nanoTime();
            sink += RecordingReaders.read(file).sample(0, 0, 0);
            now = System.nanoTime();
            if (reads == times.length) times = Arrays.copyOf(times, reads * 2);
            times[reads++] = now - t;
        }
        long[] sorted = Arrays.copyOf(times, reads);
        Arrays.sort(sorted);
        // The median is the figure to quote on a shared machine: other processes inflate the mean, not the median.
        double median = sorted[reads / 2] / 1e9;
        double best = sorted[0] / 1e9;
        double perRead = (now - start) / 1e9 / reads;
        out.printf("file          %s (%s, %d bytes, %d samples)%n", file.getFileName(), first.format(), bytes, samples);
        out.printf("reads         %d in %.2f s (after warm-up)%n", reads, (now - start) / 1e9);
        out.printf(
                "time/read     %.3f ms median, %.3f ms mean, %.3f ms best%n", median * 1e3, perRead * 1e3, best * 1e3);
        out.printf(
                "throughput    %.1f MB/s median, %.1f MB/s mean, %.1f MB/s best (file bytes, 1 MB = 1e6 bytes)%n",
                bytes / median / 1e6, bytes / perRead / 1e6, bytes / best / 1e6);
        out.printf("samples/s     %.3g median%n", samples / median);
        if (Double.isNaN(sink)) out.println();
    }
}
