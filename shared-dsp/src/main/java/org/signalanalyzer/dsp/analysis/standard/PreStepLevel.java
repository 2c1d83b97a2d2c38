package org.signalanalyzer.dsp.analysis.standard;

import java.util.Arrays;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;

/**
 * The current level just before a step: a 10 %-trimmed mean over the last half (at most 50 ms) of the interval
 * since the previous onset, ending where the step's (filtered) response can start. The window sits where the previous transient has
 * decayed; the trimming keeps a stray spike out, while staying nearly as precise as the mean on Gaussian noise
 * (the level's error is multiplied by the whole integration window, so precision matters).
 */
public final class PreStepLevel {

    static final double FRACTION_OF_INTERVAL = 0.5;
    static final double MAX_WINDOW_S = 50e-3;
    static final double TRIM = 0.1;

    private PreStepLevel() {}

    /** Samples left out just before an onset, where a filtered step already starts to rise. */
    public static int guardSamples(double fs) {
        return Math.max(2, (int) Math.round(0.1e-3 * fs));
    }

    /** @param lead samples before the onset that may already carry the step (guard plus filter spread) */
    public static double estimate(double[] x, int onset, int previousOnset, int lead, double fs) {
        int end = onset - lead;
        int len = (int) Math.min(FRACTION_OF_INTERVAL * (onset - previousOnset), MAX_WINDOW_S * fs);
        int start = Math.max(0, end - Math.max(1, len));
        if (end <= start) {
            throw new InvalidAnalysisParameterException(
                    "recording",
                    "there is no current before the step at sample " + onset + " to measure its starting level from");
        }
        double[] w = Arrays.copyOfRange(x, start, end);
        Arrays.sort(w);
        int cut = (int) (TRIM * w.length);
        double s = 0;
        for (int i = cut; i < w.length - cut; i++) s += w[i];
        return s / (w.length - 2 * cut);
    }
}
