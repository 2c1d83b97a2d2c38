package org.signalanalyzer.dsp.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.signalanalyzer.dsp.filter.Butterworth;
import org.signalanalyzer.dsp.filter.IirFiltering;
import org.signalanalyzer.dsp.filter.SavitzkyGolay;
import org.signalanalyzer.dsp.filter.Wavelet;
import org.signalanalyzer.dsp.filter.WaveletDenoiser;

/**
 * {@code bench filters [N] [--repeat R]}: Msamples/s of the filters on N Gaussian samples (default 10 000 000), best
 * of R timed runs after two warm-up runs; the same protocol as {@code bench/scipy_filters.py}.
 */
final class FilterBenchmark implements BenchCommand.Benchmark {

    @Override
    public String usage() {
        return "filters [N] [--repeat R]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        int repeat = args.intOption("repeat", 5);
        args.rejectUnknown();
        int n = args.positional().isEmpty()
                ? 10_000_000
                : parseCount(args.positional().get(0));
        if (repeat < 1) throw new UsageException("--repeat must be >= 1");
        double[] x = new Random(42).doubles(n).map(v -> v * 2 - 1).toArray();
        SavitzkyGolay sg = new SavitzkyGolay(51, 3);
        Butterworth lp = Butterworth.lowpass(2, 0.1);
        double[] b = lp.b();
        double[] a = lp.a();
        double[][] sos = lp.sos();
        WaveletDenoiser dn = new WaveletDenoiser(
                Wavelet.named("db4"), 4, WaveletDenoiser.ThresholdMode.SOFT, WaveletDenoiser.SigmaRule.MAD);
        out.printf(
                Locale.ROOT,
                "filters on %d samples (Java %s), best of %d%n",
                n,
                System.getProperty("java.version"),
                repeat);
        report(out, "savgol 51/3", n, repeat, x, sg::apply);
        report(out, "butter o2 filtfilt", n, repeat, x, v -> IirFiltering.filtfilt(b, a, v));
        report(out, "butter o2 sosfiltfilt", n, repeat, x, v -> IirFiltering.sosfiltfilt(sos, v));
        report(out, "wavelet db4 L4 denoise", n, repeat, x, dn::apply);
    }

    private static int parseCount(String s) throws UsageException {
        try {
            int n = Integer.parseInt(s.replace("_", ""));
            if (n < 1000) throw new UsageException("N must be at least 1000, got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("N must be a whole number of samples, got '" + s + "'");
        }
    }

    /**
     * Best wall time, and process CPU time (all JVM threads, GC included) averaged over the timed runs as a second
     * figure: the machine is shared, and CPU time is the fairer comparison when other jobs compete for the cores (the
     * JVM's process CPU clock ticks in 10 ms steps, hence the mean rather than the best).
     */
    private static void report(PrintStream out, String name, int n, int repeat, double[] x, UnaryOperator<double[]> f) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double checksum = 0;
        for (int i = 0; i < 2; i++) checksum += f.apply(x)[n / 2];
        long bestWall = Long.MAX_VALUE;
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            double[] y = f.apply(x);
            bestWall = Math.min(bestWall, System.nanoTime() - t0);
            checksum += y[n / 3];
        }
        double meanCpu = (os.getProcessCpuTime() - cpu0) / (double) repeat;
        out.printf(
                Locale.ROOT,
                "%-24s %10.1f Msamples/s   (%.3f s; by CPU time %.1f Msamples/s; checksum %.3g)%n",
                name,
                n / (bestWall / 1e3),
                bestWall / 1e9,
                n / (meanCpu / 1e3),
                checksum);
    }
}
