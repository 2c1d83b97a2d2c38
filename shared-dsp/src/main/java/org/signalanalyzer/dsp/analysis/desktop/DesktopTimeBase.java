package org.signalanalyzer.dsp.analysis.desktop;

import java.util.Locale;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.NumpyMath;

/**
 * The desktop's time base: t[i] = i·Δt from 0, and fs = 1 / mean(diff(t)) computed in double precision
 * (99 999.999 999 999 99 Hz for 100 kHz, not 1e5). That fs, not the nominal rate, feeds the initial-baseline window
 * and the batch Butterworth design, so parity needs it bit for bit.
 */
public record DesktopTimeBase(double[] timesS, double sampleRateHz) {

    /** The only interval the desktop handles: its 50-sample orange blocks are 0.5 ms only at 100 kHz. */
    public static final double DESKTOP_INTERVAL_S = 1e-5;

    public static DesktopTimeBase of(int sampleCount, double sampleIntervalS) {
        if (Math.abs(sampleIntervalS - DESKTOP_INTERVAL_S) > 1e-6 * DESKTOP_INTERVAL_S) {
            throw new InvalidAnalysisParameterException(
                    "recording",
                    String.format(
                            Locale.ROOT,
                            "desktop mode needs a recording sampled at 100 kHz (10 µs per sample), because its 50-sample "
                                    + "blocks must mean 0.5 ms; this one is sampled at %.6g Hz (%.6g µs per sample). "
                                    + "Use mode standard, which works at any rate",
                            1 / sampleIntervalS,
                            sampleIntervalS * 1e6));
        }
        // The desktop generates its own time base at exactly 1e-5 s; a reader's interval that differs in the last
        // bits (parsed from a time column) must not change the numbers.
        double[] t = new double[sampleCount];
        for (int i = 0; i < sampleCount; i++) t[i] = i * DESKTOP_INTERVAL_S;
        double fs = sampleCount > 1 ? 1.0 / NumpyMath.mean(NumpyMath.diff(t)) : 1.0 / DESKTOP_INTERVAL_S;
        return new DesktopTimeBase(t, fs);
    }
}
