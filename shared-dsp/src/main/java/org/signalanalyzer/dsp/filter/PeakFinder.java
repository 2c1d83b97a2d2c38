package org.signalanalyzer.dsp.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Peaks selected by prominence and width as SciPy {@code find_peaks(x, prominence=(pmin, pmax), width=(wmin, wmax))}
 * does: local maxima (a flat top counts once, at its middle), prominence from the lowest point on each side before
 * a higher sample or the border, width at half the prominence with linear interpolation between samples.
 */
public final class PeakFinder {

    /** One selected peak: its index, prominence and width (samples) at rel_height 0.5. */
    public record Peak(int index, double prominence, double width) {}

    private static final double REL_HEIGHT = 0.5;

    private PeakFinder() {}

    /** Bounds are inclusive; pass Double.POSITIVE_INFINITY for "no upper bound". */
    public static List<Peak> find(
            double[] x, double minProminence, double maxProminence, double minWidth, double maxWidth) {
        List<Peak> out = new ArrayList<>();
        for (int peak : localMaxima(x)) {
            int leftBase = peak;
            double leftMin = x[peak];
            for (int i = peak; i >= 0 && x[i] <= x[peak]; i--) {
                if (x[i] < leftMin) {
                    leftMin = x[i];
                    leftBase = i;
                }
            }
            int rightBase = peak;
            double rightMin = x[peak];
            for (int i = peak; i < x.length && x[i] <= x[peak]; i++) {
                if (x[i] < rightMin) {
                    rightMin = x[i];
                    rightBase = i;
                }
            }
            double prominence = x[peak] - Math.max(leftMin, rightMin);
            if (!(prominence >= minProminence && prominence <= maxProminence)) continue;
            double width = width(x, peak, prominence, leftBase, rightBase);
            if (width >= minWidth && width <= maxWidth) out.add(new Peak(peak, prominence, width));
        }
        return out;
    }

    private static double width(double[] x, int peak, double prominence, int leftBase, int rightBase) {
        double height = x[peak] - prominence * REL_HEIGHT;
        int i = peak;
        while (leftBase < i && height < x[i]) i--;
        double leftIp = i;
        if (x[i] < height) leftIp += (height - x[i]) / (x[i + 1] - x[i]);
        i = peak;
        while (i < rightBase && height < x[i]) i++;
        double rightIp = i;
        if (x[i] < height) rightIp -= (height - x[i]) / (x[i - 1] - x[i]);
        return rightIp - leftIp;
    }

    /** SciPy {@code _local_maxima_1d}: the middle (rounded down) of every strict maximum or flat top. */
    static List<Integer> localMaxima(double[] x) {
        List<Integer> peaks = new ArrayList<>();
        int i = 1;
        int iMax = x.length - 1;
        while (i < iMax) {
            if (x[i - 1] < x[i]) {
                int ahead = i + 1;
                while (ahead < iMax && x[ahead] == x[i]) ahead++;
                if (x[ahead] < x[i]) {
                    peaks.add((i + ahead - 1) / 2);
                    i = ahead;
                }
            }
            i++;
        }
        return peaks;
    }
}
