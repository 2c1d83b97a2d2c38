package org.signalanalyzer.dsp.analysis.standard;

import java.util.Arrays;
import java.util.List;
import org.signalanalyzer.dsp.analysis.Curve;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.io.Protocol;

/**
 * Standard mode (docs/analysis-decisions.md): linear subtraction at sample resolution. Each step's response is taken
 * relative to its own pre-step level over the same window length; the template is the mean of the small steps'
 * responses per signed mV; purple depol = V2 ON response − template × (V2 − V0), purple hyperpol = V2 OFF response
 * − template × (V0 − V2), with the amplitudes measured where the recording shows them.
 */
public final class StandardPipeline {

    /** The display curve's block length, as the desktop's orange points. */
    static final double DISPLAY_BLOCK_S = 0.5e-3;

    private StandardPipeline() {}

    /**
     * @param leadMs   how far before each onset the purple curves start (guard plus the filter's spread)
     * @param windowMs how far after each onset they run
     */
    public record Outcome(
            StepOnsets onsets,
            double baselinePa,
            Curve orange,
            Curve normalized,
            Curve average,
            Curve purpleHyperpol,
            Curve purpleDepol,
            double depolOnsetS,
            double hyperpolOnsetS,
            double leadMs,
            double windowMs) {}

    /**
     * @param voltageMv the recorded command voltage, or {@code null}
     * @param protocol  the ABF epoch table, or {@code null}
     * @param spread    samples by which the (zero-phase) filtering spreads a step ahead of its onset
     */
    public static Outcome run(
            double[] x, double fs, double[] voltageMv, Protocol protocol, int sweep, ProtocolParameters p, int spread) {
        StepOnsets onsets;
        if (voltageMv != null) onsets = StepOnsets.fromVoltage(voltageMv, fs, p);
        else if (protocol != null) onsets = StepOnsets.fromProtocol(protocol, sweep, fs, p);
        else onsets = StepOnsets.fromParameters(p, fs, x.length);
        List<StepOnset> steps = onsets.steps();
        int m = steps.size();
        int lead = PreStepLevel.guardSamples(fs) + spread;
        // Every response runs the same length, ending before the next step's (spread) response begins, with
        // room for the interpolation stencil that reads a response between samples.
        int window = x.length - steps.get(m - 1).sample() - LinearTemplate.STENCIL_REACH;
        for (int k = 0; k + 1 < m; k++) {
            window = Math.min(
                    window, steps.get(k + 1).sample() - lead - steps.get(k).sample() - LinearTemplate.STENCIL_REACH);
        }
        if (window < 2 * lead + 2 || steps.get(0).sample() < 2 * lead + 2) {
            throw new InvalidAnalysisParameterException(
                    "recording",
                    "the steps are too close together, too close "
                            + "to the start, or the recording ends too soon after the return from V2: the shortest response "
                            + "window is " + window + " samples, the first step starts at sample "
                            + steps.get(0).sample()
                            + ", and " + lead + " samples are needed ahead of each step");
        }
        double[] levels = new double[m];
        for (int k = 0; k < m; k++) {
            levels[k] = PreStepLevel.estimate(
                    x, steps.get(k).sample(), k == 0 ? 0 : steps.get(k - 1).sample(), lead, fs);
        }
        int small = m - 2;
        double[] crossings = new double[small];
        double[] amps = new double[small];
        for (int k = 0; k < small; k++) {
            crossings[k] = steps.get(k).crossing();
            amps[k] = steps.get(k).amplitudeMv();
        }
        LinearTemplate template = new LinearTemplate(x, crossings, Arrays.copyOf(levels, small), amps);
        Curve depol = subtract(x, fs, steps.get(m - 2), levels[m - 2], template, lead, window);
        Curve hyperpol = subtract(x, fs, steps.get(m - 1), levels[m - 1], template, lead, window);

        double baseline = levels[0];
        StepOnset first = steps.get(0);
        double[] normalized = new double[small * window];
        double[] normalizedT = new double[small * window];
        for (int k = 0; k < small; k++) {
            StepOnset s = steps.get(k);
            for (int j = 0; j < window; j++) {
                normalized[k * window + j] = template.stepAt(k, s.sample() + j - s.crossing());
                normalizedT[k * window + j] = (s.sample() + j) / fs;
            }
        }
        double[] average = new double[window];
        double[] averageT = new double[window];
        for (int j = 0; j < window; j++) {
            average[j] = template.at(first.sample() + j - first.crossing());
            averageT[j] = (first.sample() + j) / fs;
        }
        return new Outcome(
                onsets,
                baseline,
                displayCurve(x, baseline, fs),
                new Curve(normalized, normalizedT),
                new Curve(average, averageT),
                hyperpol,
                depol,
                steps.get(m - 2).crossing() / fs,
                steps.get(m - 1).crossing() / fs,
                lead * 1000.0 / fs,
                (window - 1) * 1000.0 / fs);
    }

    /** The V2 response minus the template scaled by the step's own amplitude, from {@code lead} before the onset. */
    private static Curve subtract(
            double[] x, double fs, StepOnset step, double level, LinearTemplate template, int lead, int window) {
        int len = lead + window;
        double[] v = new double[len];
        double[] t = new double[len];
        double amp = step.amplitudeMv();
        for (int j = 0; j < len; j++) {
            int i = step.sample() - lead + j;
            v[j] = x[i] - level - template.at(i - step.crossing()) * amp;
            t[j] = i / fs;
        }
        return new Curve(v, t);
    }

    /** 0.5 ms block means of the baseline-subtracted current (for display only). */
    static Curve displayCurve(double[] x, double baseline, double fs) {
        int block = Math.max(1, (int) Math.round(DISPLAY_BLOCK_S * fs));
        int n = (x.length + block - 1) / block;
        double[] v = new double[n];
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            int from = k * block;
            int to = Math.min(x.length, from + block);
            double s = 0;
            for (int i = from; i < to; i++) s += x[i];
            v[k] = s / (to - from) - baseline;
            t[k] = (from + to - 1) / 2.0 / fs;
        }
        return new Curve(v, t);
    }
}
