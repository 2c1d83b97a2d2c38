package org.signalanalyzer.dsp.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A digital Butterworth filter designed as SciPy {@code butter} does: analog prototype poles → frequency
 * transformation at the pre-warped cutoff(s) → bilinear transform → second-order sections ({@code zpk2sos},
 * 'nearest' pairing) and transfer function (b, a).
 */
public final class Butterworth {

    /** The response shape (SciPy's {@code btype}). */
    public enum BandType {
        LOWPASS,
        HIGHPASS,
        BANDPASS,
        BANDSTOP;

        public static BandType parse(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "lowpass":
                case "low":
                    return LOWPASS;
                case "highpass":
                case "high":
                    return HIGHPASS;
                case "bandpass":
                case "band":
                    return BANDPASS;
                case "bandstop":
                case "stop":
                    return BANDSTOP;
                default:
                    throw new IllegalArgumentException("Butterworth btype '" + name
                            + "' is unknown: expected lowpass, highpass, bandpass or bandstop");
            }
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        int edges() {
            return this == BANDPASS || this == BANDSTOP ? 2 : 1;
        }
    }

    public static final int MAX_ORDER = 10;

    private final BandType type;
    private final int order;
    private final double[] wn;
    private final double[][] sos;
    private final double[] b;
    private final double[] a;

    private Butterworth(BandType type, int order, double[] wn) {
        this.type = type;
        this.order = order;
        this.wn = wn.clone();
        Zpk digital = digitalZpk(type, order, wn);
        this.sos = digital.toSos();
        double[][] ba = digital.toTransferFunction();
        this.b = ba[0];
        this.a = ba[1];
    }

    /** Cutoff(s) as fractions of the Nyquist frequency, 0 < wn < 1 (two, ascending, for band types). */
    public static Butterworth design(BandType type, int order, double... wn) {
        validate(type, order, wn, "Wn (fraction of Nyquist)", 1.0);
        return new Butterworth(type, order, wn);
    }

    /** Cutoff(s) in Hz for a signal sampled at fsHz; each must lie strictly between 0 and fsHz/2. */
    public static Butterworth designHz(BandType type, int order, double fsHz, double... cutoffHz) {
        if (!(fsHz > 0) || Double.isInfinite(fsHz)) {
            throw new IllegalArgumentException("Butterworth needs a positive sample rate, got " + fsHz + " Hz");
        }
        validate(type, order, cutoffHz, "cutoff (Hz) at fs " + fsHz + " Hz", fsHz / 2);
        double[] wn = new double[cutoffHz.length];
        for (int i = 0; i < wn.length; i++) wn[i] = 2 * cutoffHz[i] / fsHz;
        return new Butterworth(type, order, wn);
    }

    /** The checks of {@link #designHz} that need no sample rate (count, sign, order), for early validation. */
    static void checkCutoffsHz(BandType type, int order, double[] cutoffHz) {
        validate(type, order, cutoffHz, "cutoff (Hz)", Double.POSITIVE_INFINITY);
    }

    public static Butterworth lowpass(int order, double wn) {
        return design(BandType.LOWPASS, order, wn);
    }

    private static void validate(BandType type, int order, double[] edges, String what, double nyquist) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Butterworth order must be 1.." + MAX_ORDER + ", got " + order);
        }
        if (edges.length != type.edges()) {
            throw new IllegalArgumentException("Butterworth " + type.key() + " needs " + type.edges() + " " + what
                    + " value(s), got " + edges.length);
        }
        for (double e : edges) {
            if (!(e > 0 && e < nyquist)) {
                throw new IllegalArgumentException("Butterworth " + what + " must be > 0 and below the Nyquist "
                        + "frequency (" + nyquist + "), got " + e);
            }
        }
        if (edges.length == 2 && !(edges[0] < edges[1])) {
            throw new IllegalArgumentException(
                    "Butterworth " + type.key() + " edges must be ascending, got " + edges[0] + ", " + edges[1]);
        }
    }

    private static Zpk digitalZpk(BandType type, int order, double[] wn) {
        List<Complex> poles = new ArrayList<>();
        for (int m = -order + 1; m < order; m += 2) {
            double theta = Math.PI * m / (2.0 * order);
            poles.add(new Complex(-Math.cos(theta), -Math.sin(theta)));
        }
        Zpk prototype = new Zpk(List.of(), poles, 1.0);
        // SciPy normalises digital frequencies to fs = 2, pre-warping each edge with 2·fs·tan(π·Wn/fs).
        double fs = 2.0;
        double[] warped = new double[wn.length];
        for (int i = 0; i < wn.length; i++) warped[i] = 2 * fs * Math.tan(Math.PI * wn[i] / fs);
        Zpk analog;
        switch (type) {
            case LOWPASS:
                analog = prototype.lowpassToLowpass(warped[0]);
                break;
            case HIGHPASS:
                analog = prototype.lowpassToHighpass(warped[0]);
                break;
            case BANDPASS:
                analog = prototype.lowpassToBandpass(Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
                break;
            case BANDSTOP:
                analog = prototype.lowpassToBandstop(Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
                break;
            default:
                throw new IllegalStateException(type.name());
        }
        return analog.bilinear(fs);
    }

    public BandType type() {
        return type;
    }

    public int order() {
        return order;
    }
    /** Normalised cutoff(s), fractions of Nyquist. */
    public double[] wn() {
        return wn.clone();
    }

    /** Second-order sections, rows [b0, b1, b2, 1, a1, a2] (SciPy's layout). */
    public double[][] sos() {
        double[][] copy = new double[sos.length][];
        for (int i = 0; i < sos.length; i++) copy[i] = sos[i].clone();
        return copy;
    }

    public double[] b() {
        return b.clone();
    }

    public double[] a() {
        return a.clone();
    }
}
