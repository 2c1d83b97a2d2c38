package org.signalanalyzer.dsp.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.signalanalyzer.dsp.io.AcquisitionMode;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Protocol;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingFormat;

/**
 * A voltage-clamp recording of a step protocol on a known cell, for known-answer tests (docs/analysis-decisions.md).
 * Linear membrane: series resistance Rs, capacitance Cm, leak Rm, so a step ΔV gives
 * ΔV/(Rs+Rm) + ΔV·(1/Rs − 1/(Rs+Rm))·e^(−t/τ), τ = Rs·Cm·Rm/(Rs+Rm). On the V2 step a non-linear charge +Q flows
 * as (Q/τon)·e^(−t/τon), and −Q as (Q/τoff)·e^(−t/τoff) on the return. Step onsets are placed at arbitrary times
 * (between samples and between 0.5 ms blocks).
 *
 * <p>Like an amplifier, current and command are low-pass filtered before sampling: the exact signals are averaged
 * over cells of 1/32 of a sample (so every charge is kept exactly), passed through four first-order stages
 * (a −3 dB corner at fs/5, smooth like a 4-pole Bessel), then taken every 32nd cell. Seeded Gaussian noise is
 * added to both channels, with a fixed density: its per-sample SD is {@code noisePa} at 100 kHz and scales with
 * √(fs / 100 kHz), as white noise behind an anti-alias filter at fs/5 does.
 */
public final class SyntheticStepRecording {

    public static final int OVERSAMPLING = 32;
    public static final int POLES = 4;

    public double fs = 100_000;
    public double durationS = 0.75;
    public double v0 = -80;
    public double v1 = -100;
    public double v2 = -20;
    public int nCycles = 2;
    /** Onsets in seconds: 2·nCycles small steps, then V2 on and off. */
    public double[] onsetsS = {0.0173137, 0.0673291, 0.1173443, 0.1673519, 0.2173677, 0.2673803};

    public double rsMohm = 10;
    public double cmPf = 30;
    public double rmMohm = 500;
    public double holdingOffsetPa = -40;
    public double qPc = 2;
    public double tauOnS = 1.5e-3;
    public double tauOffS = 3e-3;
    /** Current noise SD per sample at 100 kHz. */
    public double noisePa = 3;

    public double noiseMv = 0.05;
    public long seed = 1;

    public Recording build() {
        int n = (int) Math.round(durationS * fs);
        double h = 1 / (fs * OVERSAMPLING);
        double[] levels = levels();
        double gLeak = 1000 / (rsMohm + rmMohm); // pA per mV
        double gPeak = 1000 / rsMohm - gLeak;
        double tau = rsMohm * cmPf * rmMohm / (rsMohm + rmMohm) * 1e-6; // MΩ·pF = µs
        // n identical poles have their −3 dB point at f_pole·sqrt(2^(1/n) − 1).
        double fPole = fs / 5 / Math.sqrt(Math.pow(2, 1.0 / POLES) - 1);
        double alpha = 1 - Math.exp(-2 * Math.PI * fPole * h);
        double[] iState = new double[POLES];
        double[] vState = new double[POLES];
        Arrays.fill(iState, holdingOffsetPa + gLeak * levels[0]);
        Arrays.fill(vState, levels[0]);
        double[] current = new double[n];
        double[] voltage = new double[n];
        Random rnd = new Random(seed);
        double noise = noisePa * Math.sqrt(fs / 100_000);
        int on = onsetsS.length - 2;
        int off = onsetsS.length - 1;
        for (int j = 0; j < n * OVERSAMPLING; j++) {
            double a = j * h;
            double b = a + h;
            double v = levels[0] * h;
            double q = (holdingOffsetPa + gLeak * levels[0]) * h;
            for (int k = 0; k < onsetsS.length; k++) {
                double dv = levels[k + 1] - levels[k];
                double step = overlap(a, b, onsetsS[k]);
                v += dv * step;
                q += dv * (gLeak * step + gPeak * expIntegral(a, b, onsetsS[k], tau));
            }
            q += qPc / tauOnS * expIntegral(a, b, onsetsS[on], tauOnS);
            q -= qPc / tauOffS * expIntegral(a, b, onsetsS[off], tauOffS);
            double iCell = q / h;
            double vCell = v / h;
            for (int p = 0; p < POLES; p++) {
                iState[p] += alpha * ((p == 0 ? iCell : iState[p - 1]) - iState[p]);
                vState[p] += alpha * ((p == 0 ? vCell : vState[p - 1]) - vState[p]);
            }
            if (j % OVERSAMPLING == 0) {
                current[j / OVERSAMPLING] = iState[POLES - 1] + noise * rnd.nextGaussian();
                voltage[j / OVERSAMPLING] = vState[POLES - 1] + noiseMv * rnd.nextGaussian();
            }
        }
        return new Recording(
                "synthetic.atf",
                RecordingFormat.ATF,
                "1.0",
                AcquisitionMode.EPISODIC_STIMULATION,
                1 / fs,
                0,
                List.of(new Channel("Im", "pA"), new Channel("Vm", "mV")),
                new double[] {0},
                new double[][][] {{current, voltage}},
                List.of(),
                "",
                null,
                Map.of());
    }

    /**
     * The same cell recorded without a voltage channel; with {@code epochTable}, an ABF-style epoch table gives
     * the steps (each onset rounded to a whole sample, as an ABF file stores it).
     */
    public Recording buildCurrentOnly(boolean epochTable) {
        Recording full = build();
        Protocol protocol = null;
        if (epochTable) {
            double[] levels = levels();
            List<Protocol.Epoch> epochs = new ArrayList<>();
            int first = (int) Math.round(onsetsS[0] * fs);
            for (int k = 0; k < onsetsS.length; k++) {
                int next = k + 1 < onsetsS.length ? (int) Math.round(onsetsS[k + 1] * fs) : first;
                int at = (int) Math.round(onsetsS[k] * fs);
                if (k + 1 < onsetsS.length) {
                    epochs.add(new Protocol.Epoch(Protocol.EpochType.STEP, levels[k + 1], 0, next - at, 0));
                }
            }
            protocol = new Protocol("Cmd 0", "mV", v0, first, epochs);
        }
        return new Recording(
                "synthetic.abf",
                RecordingFormat.ABF,
                "2.0",
                AcquisitionMode.EPISODIC_STIMULATION,
                1 / fs,
                0,
                List.of(new Channel("Im", "pA")),
                new double[] {0},
                new double[][][] {{full.samples(0, 0)}},
                List.of(),
                "",
                protocol,
                Map.of());
    }

    /** Length of [a, b] after t0. */
    private static double overlap(double a, double b, double t0) {
        return Math.max(0, b - Math.max(a, t0));
    }

    /** ∫ over [a, b] of e^(−(t − t0)/τ) for t > t0. */
    private static double expIntegral(double a, double b, double t0, double tau) {
        if (b <= t0) return 0;
        double from = Math.max(a, t0) - t0;
        double to = b - t0;
        if (from > 60 * tau) return 0;
        return tau * (Math.exp(-from / tau) - Math.exp(-to / tau));
    }

    public ProtocolParameters parameters() {
        return new ProtocolParameters(
                nCycles,
                onsetsS[0] * 1000,
                (onsetsS[1] - onsetsS[0]) * 1000,
                (onsetsS[2] - onsetsS[1]) * 1000,
                v0,
                v1,
                v2);
    }

    private double[] levels() {
        double[] l = new double[onsetsS.length + 1];
        l[0] = v0;
        for (int k = 0; k < 2 * nCycles; k++) l[k + 1] = k % 2 == 0 ? v1 : v0;
        l[2 * nCycles + 1] = v2;
        l[2 * nCycles + 2] = v0;
        return l;
    }
}
