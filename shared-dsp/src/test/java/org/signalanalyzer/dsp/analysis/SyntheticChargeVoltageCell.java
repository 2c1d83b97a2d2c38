package org.signalanalyzer.dsp.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.signalanalyzer.dsp.io.Recording;

/**
 * A cell whose non-linear (gating) charge follows a Boltzmann distribution, recorded in the lab's step protocol at
 * one V2 per file, for the charge–voltage known-answer tests. The linear membrane, filtering and noise are those of
 * {@link SyntheticStepRecording}; the charge moved by the step from V0 to V2 is Qmax·(B(V2) − B(V0)), B(V) =
 * 1 / (1 + e^(−(V − V½)/k)), and the same charge returns on the step back to V0. The small V0→V1 steps are taken as
 * linear (the cell's charge at V1 and V0 differs by well under 1 % of Qmax for the values used).
 */
public final class SyntheticChargeVoltageCell {

    public double fs = 100_000;
    public double qMaxPc = 2.5;
    public double vHalfMv = -25;
    public double slopeMv = 12;
    public double noisePa = 3;
    public long seed = 1;

    /** The charge the step V0 → V2 moves, the reference a per-file analysis must recover. */
    public double movedChargePc(double v2Mv) {
        return qMaxPc * (b(v2Mv) - b(new SyntheticStepRecording().v0));
    }

    private double b(double v) {
        return 1 / (1 + Math.exp(-(v - vHalfMv) / slopeMv));
    }

    public Recording recording(double v2Mv) {
        return cell(v2Mv).build();
    }

    /** The protocol as the lab types it, with this file's V2. */
    public ProtocolParameters parameters(double v2Mv) {
        return cell(v2Mv).parameters();
    }

    /** Also the V0 the synthetic protocol holds at. */
    public double v0Mv() {
        return new SyntheticStepRecording().v0;
    }

    private SyntheticStepRecording cell(double v2Mv) {
        SyntheticStepRecording s = new SyntheticStepRecording();
        s.fs = fs;
        s.v2 = v2Mv;
        s.qPc = movedChargePc(v2Mv);
        s.noisePa = noisePa;
        // One noise realisation per file, as separate recordings have.
        s.seed = seed * 1000 + Math.round(v2Mv + 500);
        return s;
    }

    /**
     * The recording as a Clampfit-exported ATF file (time in s, current in pA, command in mV), the format the lab
     * uploads.
     */
    public byte[] atf(double v2Mv) {
        Recording r = recording(v2Mv);
        double[] i = r.samples(0, 0);
        double[] v = r.samples(0, 1);
        StringBuilder sb = new StringBuilder(i.length * 40);
        sb.append("ATF\t1.0\n8\t3\n\"AcquisitionMode=Episodic Stimulation\"\n\"Comment=\"\n")
                .append("\"YTop=20000,1000\"\n\"YBottom=-20000,-1000\"\n\"SyncTimeUnits=1000\"\n")
                .append("\"SweepStartTimesMS=0.000\"\n\"SignalsExported=Im,Vm\"\n\"Signals=\"\t\"Im\"\t\"Vm\"\n")
                .append("\"Time (s)\"\t\"Trace #1 (pA)\"\t\"Trace #1 (mV)\"\n");
        for (int k = 0; k < i.length; k++) {
            sb.append(String.format(Locale.ROOT, "%.8g\t%.6f\t%.5f\n", k / fs, i[k], v[k]));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
