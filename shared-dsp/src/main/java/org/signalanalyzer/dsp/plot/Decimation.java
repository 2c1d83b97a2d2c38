package org.signalanalyzer.dsp.plot;

/**
 * Min/max envelope decimation for plotting: a trace of any length becomes at most two points per pixel column,
 * the lowest and the highest sample of that column, so a one-sample spike in ten million stays visible (plain
 * stride sampling would drop it). Sample {@code i} of the array is at time {@code timeOfIndexZeroS + i *
 * intervalS}; times are computed, never accumulated, so long traces do not drift.
 */
public final class Decimation {

    /** Widths above this buy nothing on any screen and only make answers larger. */
    public static final int MAX_WIDTH = 8192;

    private Decimation() {}

    /**
     * The envelope of {@code samples[from, to)} for {@code width} pixel columns. When the range holds no more than
     * {@code 2 * width} samples they are returned unchanged.
     */
    public static Envelope envelope(
            double[] samples, int from, int to, double timeOfIndexZeroS, double intervalS, int width) {
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be between 1 and " + MAX_WIDTH + " pixels, was " + width);
        }
        if (from < 0 || to > samples.length || from > to) {
            throw new IllegalArgumentException(
                    "sample range [" + from + ", " + to + ") is outside the trace of " + samples.length + " samples");
        }
        int n = to - from;
        if (n <= 2 * width) {
            double[] t = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = timeOfIndexZeroS + (from + i) * intervalS;
                v[i] = samples[from + i];
            }
            return new Envelope(t, v, false, n);
        }
        double[] t = new double[2 * width];
        double[] v = new double[2 * width];
        for (int c = 0; c < width; c++) {
            int start = from + (int) ((long) c * n / width);
            int end = from + (int) ((long) (c + 1) * n / width);
            int lo = start;
            int hi = start;
            for (int i = start + 1; i < end; i++) {
                double x = samples[i];
                if (x < samples[lo]) lo = i;
                if (x > samples[hi]) hi = i;
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            t[2 * c] = timeOfIndexZeroS + first * intervalS;
            v[2 * c] = samples[first];
            t[2 * c + 1] = timeOfIndexZeroS + second * intervalS;
            v[2 * c + 1] = samples[second];
        }
        return new Envelope(t, v, true, n);
    }

    /**
     * The sample range [from, to) of a trace of {@code sampleCount} samples whose first sample is at
     * {@code firstTimeS}, that falls inside [startS, endS]; a null bound means the trace's own end. Bounds beyond
     * the trace are clipped; an empty window is refused because there would be nothing to draw.
     */
    public static int[] window(int sampleCount, double firstTimeS, double intervalS, Double startS, Double endS) {
        int from = 0;
        int to = sampleCount;
        if (startS != null) {
            from = (int) Math.max(0, Math.min(sampleCount, Math.ceil((startS - firstTimeS) / intervalS - 1e-9)));
        }
        if (endS != null) {
            to = (int) Math.max(0, Math.min(sampleCount, Math.floor((endS - firstTimeS) / intervalS + 1e-9) + 1));
        }
        if (from >= to) {
            throw new IllegalArgumentException("the time window [" + startS + ", " + endS + "] s holds no sample; "
                    + "the trace runs from " + firstTimeS + " s to " + (firstTimeS + (sampleCount - 1) * intervalS)
                    + " s");
        }
        return new int[] {from, to};
    }
}
