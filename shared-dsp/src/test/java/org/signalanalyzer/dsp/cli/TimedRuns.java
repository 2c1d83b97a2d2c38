package org.signalanalyzer.dsp.cli;

import java.util.Arrays;

/**
 * The timing protocol of the benchmarks that run one action for a time budget (read, analyze): a warm-up (half the
 * budget, at most 2 s) so the JIT has compiled the hot loops, then runs for the budget, at least three, each timed.
 *
 * @param sortedNanos each timed run's duration, shortest first
 * @param totalNanos  the wall time of all timed runs together
 */
record TimedRuns(long[] sortedNanos, long totalNanos) {

    /** One run; its result is summed so the JIT cannot drop the work as unused. */
    interface Action {
        double run() throws Exception;
    }

    static void checkSeconds(double seconds) throws UsageException {
        if (!(seconds > 0) || seconds > 3600)
            throw new UsageException("--seconds must be in (0, 3600], got " + seconds);
    }

    static TimedRuns of(double seconds, Action action) throws Exception {
        long warmUntil = System.nanoTime() + (long) (Math.min(2.0, seconds / 2) * 1e9);
        double sink = 0;
        while (System.nanoTime() < warmUntil) sink += action.run();

        int runs = 0;
        long[] times = new long[1024];
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end || runs < 3) {
            long t = System.nanoTime();
            sink += action.run();
            now = System.nanoTime();
            if (runs == times.length) times = Arrays.copyOf(times, runs * 2);
            times[runs++] = now - t;
        }
        long[] sorted = Arrays.copyOf(times, runs);
        Arrays.sort(sorted);
        if (Double.isNaN(sink)) System.out.println();
        return new TimedRuns(sorted, now - start);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The figure to quote on a shared machine: other processes inflate the mean, not the median. */
    long medianNanos() {
        return sortedNanos[sortedNanos.length / 2];
    }

    long bestNanos() {
        return sortedNanos[0];
    }

    double meanNanos() {
        return totalNanos / (double) sortedNanos.length;
    }
}
