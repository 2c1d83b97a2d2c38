package org.signalanalyzer.dsp.plot;

/**
 * A curve as a plot shows it: time in ms from an origin that means something to the reader (a step onset, the sweep
 * start), and, when the curve is longer than the plot is wide, one column per run of consecutive samples with the
 * run's mean, min and max. The mean is what to draw as the line: it is what the samples integrate to (the trapezoid
 * of the means approximates the trapezoid of the samples) and it stays readable on unfiltered data, where a
 * column's min and max span the noise (±1.5 nA at 100 kHz) and an envelope alone is a solid band. min/max are for a
 * light band behind it, so spikes stay visible. firstIndex/lastIndex (inclusive) map a column back to the full
 * curve, whose indices the fits take.
 *
 * @param origin     "step onset", "sweep start" or "first point": what {@code timeMs} 0 is
 * @param originS    where that is, in seconds of the sweep
 * @param sampleCount points of the full curve
 */
public record DisplayCurve(
        String name,
        String unit,
        String origin,
        double originS,
        int sampleCount,
        boolean decimated,
        double[] timeMs,
        double[] mean,
        double[] min,
        double[] max,
        int[] firstIndex,
        int[] lastIndex) {

    /** Columns of a decimated curve: wider than any plot the app draws. */
    public static final int COLUMNS = 1500;

    public static final String STEP_ONSET = "step onset";
    public static final String SWEEP_START = "sweep start";
    public static final String FIRST_POINT = "first point";

    /**
     * The curve {@code values} at {@code timesS} (seconds of the sweep) on a time axis in ms from {@code originS},
     * in at most {@code columns} columns.
     */
    public static DisplayCurve of(
            String name, String unit, String origin, double originS, double[] values, double[] timesS, int columns) {
        if (values.length != timesS.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values but " + timesS.length + " times");
        }
        if (columns < 1) throw new IllegalArgumentException("a display curve needs at least one column");
        int n = values.length;
        int k = Math.min(n, columns);
        double[] t = new double[k];
        double[] mean = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        int[] first = new int[k];
        int[] last = new int[k];
        for (int c = 0; c < k; c++) {
            // Column c holds samples [c·n/k, (c+1)·n/k): every sample in exactly one column, sizes differing by one.
            int from = (int) ((long) c * n / k);
            int to = (int) ((long) (c + 1) * n / k);
            double sumV = 0;
            double sumT = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                sumV += values[i];
                sumT += timesS[i];
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            int m = to - from;
            t[c] = (sumT / m - originS) * 1000;
            mean[c] = m == 1 ? values[from] : sumV / m;
            lo[c] = min;
            hi[c] = max;
            first[c] = from;
            last[c] = to - 1;
        }
        return new DisplayCurve(name, unit, origin, originS, n, k < n, t, mean, lo, hi, first, last);
    }
}
