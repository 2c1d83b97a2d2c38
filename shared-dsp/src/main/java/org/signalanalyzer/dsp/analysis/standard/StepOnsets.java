package org.signalanalyzer.dsp.analysis.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.NumpyMath;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.io.Protocol;

/**
 * The protocol's 2·n_cycles + 2 step onsets (small steps V0→V1→V0…, then V2 on and off) at sample resolution,
 * found from the recorded command voltage, the ABF epoch table, or the typed times, in that order of preference.
 */
public record StepOnsets(List<StepOnset> steps, String source) {

    public static final String FROM_VOLTAGE = "voltage channel";
    public static final String FROM_EPOCHS = "epoch table";
    public static final String FROM_PARAMETERS = "parameters t0, t1, t2 (V2 step assumed as long as t1)";

    public StepOnsets {
        steps = List.copyOf(steps);
    }

    public static int expectedCount(ProtocolParameters p) {
        return 2 * p.nCycles() + 2;
    }

    public StepOnset v2On() {
        return steps.get(steps.size() - 2);
    }

    /**
     * Finds the steps in a recorded command voltage (mV): each change of level by more than a quarter of |V1 − V0|
     * that lasts, located at the sample where the trace crosses half-way between the levels before and after.
     */
    public static StepOnsets fromVoltage(double[] v, double fs, ProtocolParameters p) {
        int n = v.length;
        int settle = Math.max(3, (int) Math.round(0.2e-3 * fs));
        int levelWindow = Math.max(5, (int) Math.round(1e-3 * fs));
        double minStep = Math.abs(p.v1Mv() - p.v0Mv()) / 4;
        int want = expectedCount(p);
        List<StepOnset> found = new ArrayList<>();
        double level = NumpyMath.median(v, 0, Math.min(n, levelWindow));
        int i = 0;
        while (i < n - settle && found.size() < want) {
            if (Math.abs(v[i] - level) <= minStep || Math.abs(NumpyMath.median(v, i, i + settle) - level) <= minStep) {
                i++;
                continue;
            }
            // The new level, measured once the change has settled.
            int from = Math.min(n - 1, i + settle);
            int to = Math.min(n, from + levelWindow);
            double next = NumpyMath.median(v, from, to);
            if (Math.abs(next - level) <= minStep) {
                i++;
                continue;
            }
            double half = (level + next) / 2;
            boolean up = next > level;
            int j = Math.max(1, i - settle);
            while (j < to - 1 && (up ? v[j] < half : v[j] > half)) j++;
            double crossing = j;
            double prev = v[j - 1];
            if (up ? prev < half && v[j] >= half : prev > half && v[j] <= half) {
                crossing = j - 1 + (half - prev) / (v[j] - prev);
            }
            found.add(new StepOnset(role(found.size(), want), j, crossing, 0, level, next));
            level = next;
            i = from;
        }
        if (found.size() < want) {
            throw new InvalidAnalysisParameterException(
                    "recording",
                    String.format(
                            Locale.ROOT,
                            "the voltage channel shows %d step(s) of more than %.3g mV, but the protocol (n_cycles %d) "
                                    + "needs %d: 2 per cycle, then the V2 step and the return to V0",
                            found.size(),
                            minStep,
                            p.nCycles(),
                            want));
        }
        return new StepOnsets(withTimes(found, fs), FROM_VOLTAGE);
    }

    /** The steps of one sweep from an ABF epoch table. */
    public static StepOnsets fromProtocol(Protocol protocol, int sweep, double fs, ProtocolParameters p) {
        List<Protocol.LevelChange> changes = protocol.levelChanges(sweep);
        int want = expectedCount(p);
        if (changes.size() < want) {
            throw new InvalidAnalysisParameterException(
                    "recording",
                    "the epoch table of sweep " + sweep + " has " + changes.size()
                            + " level change(s); the protocol (n_cycles " + p.nCycles() + ") needs " + want);
        }
        List<StepOnset> steps = new ArrayList<>();
        for (int k = 0; k < want; k++) {
            Protocol.LevelChange c = changes.get(k);
            steps.add(new StepOnset(role(k, want), c.sample(), c.sample(), 0, c.from(), c.to()));
        }
        return new StepOnsets(withTimes(steps, fs), FROM_EPOCHS);
    }

    /** The steps at the typed times: t0, then t1 at V1 and t2 at V0 per cycle, then V2 for t1. */
    public static StepOnsets fromParameters(ProtocolParameters p, double fs, int sampleCount) {
        List<StepOnset> steps = new ArrayList<>();
        int want = expectedCount(p);
        double tMs = p.t0Ms();
        for (int c = 0; c < p.nCycles(); c++) {
            steps.add(at(steps.size(), want, tMs, fs, p.v0Mv(), p.v1Mv()));
            tMs += p.t1Ms();
            steps.add(at(steps.size(), want, tMs, fs, p.v1Mv(), p.v0Mv()));
            tMs += p.t2Ms();
        }
        steps.add(at(steps.size(), want, tMs, fs, p.v0Mv(), p.v2Mv()));
        tMs += p.t1Ms();
        steps.add(at(steps.size(), want, tMs, fs, p.v2Mv(), p.v0Mv()));
        int last = steps.get(steps.size() - 1).sample();
        if (last >= sampleCount) {
            throw new InvalidAnalysisParameterException(
                    "recording",
                    String.format(
                            Locale.ROOT,
                            "the protocol's return from V2 is at %.3f ms, but the recording ends at %.3f ms (%.3f ms short)",
                            tMs,
                            sampleCount * 1000 / fs,
                            tMs - sampleCount * 1000 / fs));
        }
        return new StepOnsets(steps, FROM_PARAMETERS);
    }

    private static StepOnset at(int k, int want, double tMs, double fs, double from, double to) {
        int s = (int) Math.round(tMs * 1e-3 * fs);
        return new StepOnset(role(k, want), s, s, s / fs, from, to);
    }

    private static List<StepOnset> withTimes(List<StepOnset> steps, double fs) {
        List<StepOnset> out = new ArrayList<>();
        for (StepOnset s : steps) {
            out.add(new StepOnset(s.role(), s.sample(), s.crossing(), s.crossing() / fs, s.fromMv(), s.toMv()));
        }
        return out;
    }

    private static String role(int k, int want) {
        if (k == want - 2) return "v2-on";
        if (k == want - 1) return "v2-off";
        return (k % 2 == 0 ? "small-on-" : "small-off-") + (k / 2 + 1);
    }
}
