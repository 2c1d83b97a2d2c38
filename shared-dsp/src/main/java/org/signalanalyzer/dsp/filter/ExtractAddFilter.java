package org.signalanalyzer.dsp.filter;

import java.util.Arrays;
import java.util.List;

/**
 * The desktop's extract–add filter (docs/desktop-conventions.md#extract-add-filter): events (peaks and valleys found by prominence and width, each marked
 * over its index ± its width) are cut out, the remaining baseline is bridged by linear interpolation and smoothed
 * with Savitzky–Golay, the events are added back, the mean of the bridged baseline over the events is subtracted
 * everywhere, and each event edge is blended with a Savitzky–Golay(5, 2) of its 5 samples.
 *
 * <p>Where no event is found (or every sample is one), the input is returned unchanged: the desktop returned all NaN
 * there (mean over an empty set), which no caller can use.
 */
public final class ExtractAddFilter {

    private final SavitzkyGolay smoother;
    private final double minProminence;
    private final double minWidth;
    private final double maxWidth;

    public ExtractAddFilter(int window, int polyorder, double minProminence, double minWidth, double maxWidth) {
        validate(window, polyorder, minProminence, minWidth, maxWidth);
        this.smoother = new SavitzkyGolay(window, polyorder);
        this.minProminence = minProminence;
        this.minWidth = minWidth;
        this.maxWidth = maxWidth;
    }

    /** Checks the parameters without building anything (the smoother's size follows the window). */
    public static void validate(int window, int polyorder, double minProminence, double minWidth, double maxWidth) {
        SavitzkyGolay.validate(window, polyorder, 0, 1.0);
        if (!(minProminence >= 0)) {
            throw new IllegalArgumentException("extract_add: prominence must be >= 0, got " + minProminence);
        }
        if (!(minWidth >= 0 && minWidth <= maxWidth)) {
            throw new IllegalArgumentException(
                    "extract_add: width range must satisfy 0 <= min <= max, got [" + minWidth + ", " + maxWidth + "]");
        }
    }

    /** The desktop GUI's settings: Savitzky–Golay 51/3, prominence 200, width 1..50. */
    public static ExtractAddFilter desktopDefault() {
        return new ExtractAddFilter(51, 3, 200, 1, 50);
    }

    public double[] apply(double[] x) {
        int n = x.length;
        boolean[] mask = new boolean[n];
        int marked = mark(x, mask, false) + mark(x, mask, true);
        if (marked == 0) return x.clone();
        int[] free = new int[n];
        int nFree = 0;
        for (int i = 0; i < n; i++) if (!mask[i]) free[nFree++] = i;
        if (nFree == 0) return x.clone();
        double[] baseline = x.clone();
        double eventBaselineSum = 0;
        int eventCount = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (!mask[i]) continue;
            while (next < nFree && free[next] < i) next++;
            double v;
            if (next == 0) {
                v = x[free[0]];
            } else if (next == nFree) {
                v = x[free[nFree - 1]];
            } else {
                int l = free[next - 1];
                int r = free[next];
                v = (x[r] - x[l]) / (r - l) * (i - l) + x[l];
            }
            baseline[i] = v;
            eventBaselineSum += v;
            eventCount++;
        }
        double eventMean = eventBaselineSum / eventCount;
        double[] y = smoother.apply(baseline);
        for (int i = 0; i < n; i++) y[i] = y[i] + (mask[i] ? x[i] : 0) - eventMean;
        SavitzkyGolay blend = new SavitzkyGolay(5, 2);
        for (int e = 0; e + 1 < n; e++) {
            if (mask[e] == mask[e + 1] || e <= 1 || e >= n - 2) continue;
            int from = Math.max(0, e - 2);
            int to = Math.min(n, e + 3);
            double[] seg = Arrays.copyOfRange(y, from, to);
            double[] smooth = blend.apply(seg);
            for (int k = 0; k < seg.length; k++) y[from + k] = (seg[k] + smooth[k]) / 2;
        }
        return y;
    }

    /** Marks idx ± width (truncated as the desktop's int()) for every peak of x (or of −x); returns the count. */
    private int mark(double[] x, boolean[] mask, boolean valleys) {
        double[] s = x;
        if (valleys) {
            s = new double[x.length];
            for (int i = 0; i < x.length; i++) s[i] = -x[i];
        }
        List<PeakFinder.Peak> peaks = PeakFinder.find(s, minProminence, Double.POSITIVE_INFINITY, minWidth, maxWidth);
        for (PeakFinder.Peak p : peaks) {
            int left = Math.max(0, (int) (p.index() - p.width()));
            int right = Math.min(x.length, (int) (p.index() + p.width() + 1));
            for (int i = left; i < right; i++) mask[i] = true;
        }
        return peaks.size();
    }

    public int window() {
        return smoother.window();
    }

    public int polyorder() {
        return smoother.polyorder();
    }

    public double minProminence() {
        return minProminence;
    }

    public double minWidth() {
        return minWidth;
    }

    public double maxWidth() {
        return maxWidth;
    }
}
