package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.signalanalyzer.dsp.rules.ParameterRule;

/**
 * Butterworth as a chain step: designed at apply time for the signal's rate, from either normalised cutoff(s)
 * {@code wn} (fractions of Nyquist, the desktop GUI's slider) or {@code cutoffHz}; exactly one of the two is set.
 * A cutoff at or above Nyquist is an error here; the desktop silently lowered it to 0.99·Nyquist.
 */
public record ButterworthStep(
        Butterworth.BandType btype, int order, double[] wn, double[] cutoffHz, Application application)
        implements FilterStep {

    public static final String TYPE = "butterworth";

    /** How the designed filter is run over the signal. */
    public enum Application {
        /** Forward then backward over the sections, zero state, no padding: the desktop's pass. */
        DESKTOP,
        /** SciPy {@code sosfiltfilt}. */
        SOSFILTFILT,
        /** SciPy {@code filtfilt} on (b, a). */
        FILTFILT,
        /** SciPy {@code sosfilt}: causal, zero state. */
        SOSFILT,
        /** SciPy {@code lfilter} on (b, a): causal, zero state. */
        LFILTER;

        public static Application parse(String name) {
            for (Application a : values()) if (a.name().equalsIgnoreCase(name)) return a;
            throw new IllegalArgumentException("butterworth: application '" + name
                    + "' is unknown: expected desktop, sosfiltfilt, filtfilt, sosfilt or lfilter");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ButterworthStep {
        if ((wn == null) == (cutoffHz == null)) {
            throw new IllegalArgumentException(
                    "butterworth: give exactly one of 'wn' (fraction of Nyquist) or " + "'cutoff_hz'");
        }
        if (order < 1 || order > Butterworth.MAX_ORDER) {
            throw new IllegalArgumentException(
                    "butterworth: order must be 1.." + Butterworth.MAX_ORDER + ", got " + order);
        }
        // Validate what can be validated before the rate is known: wn fully, Hz cutoffs except against Nyquist.
        if (wn != null) Butterworth.design(btype, order, wn);
        if (cutoffHz != null) Butterworth.checkCutoffsHz(btype, order, cutoffHz);
        wn = wn == null ? null : wn.clone();
        cutoffHz = cutoffHz == null ? null : cutoffHz.clone();
    }

    public static ButterworthStep lowpassWn(int order, double wn, Application application) {
        return new ButterworthStep(Butterworth.BandType.LOWPASS, order, new double[] {wn}, null, application);
    }

    public static ButterworthStep lowpassHz(int order, double cutoffHz, Application application) {
        return new ButterworthStep(Butterworth.BandType.LOWPASS, order, null, new double[] {cutoffHz}, application);
    }

    static final ParameterRule BTYPE = ParameterRule.choice(
            "btype",
            "lowpass",
            Arrays.stream(Butterworth.BandType.values())
                    .map(Butterworth.BandType::key)
                    .toList());
    static final ParameterRule ORDER = ParameterRule.integer("order", 5, 1, Butterworth.MAX_ORDER);
    static final ParameterRule WN = ParameterRule.numbers("wn", null, 0.0, 1.0)
            .exclusive(true, true)
            .orNull()
            .note("fraction of Nyquist: one value, two ascending for bandpass and bandstop; give exactly one of wn "
                    + "and cutoff_hz");
    static final ParameterRule CUTOFF_HZ = ParameterRule.numbers("cutoff_hz", null, 0.0, null)
            .exclusive(true, false)
            .orNull()
            .unit("Hz")
            .note("at the recording's rate, below its Nyquist frequency; one value, two ascending "
                    + "for bandpass and bandstop; give exactly one of wn and cutoff_hz");
    static final ParameterRule APPLICATION = ParameterRule.choice(
                    "application",
                    "desktop",
                    Arrays.stream(Application.values()).map(Application::key).toList())
            .note("desktop: forward then backward, zero state, no padding (the desktop's pass)");

    /** Every parameter with its default and bounds: what fromJson reads and GET /api/config answers. */
    public static final List<ParameterRule> RULES = List.of(BTYPE, ORDER, WN, CUTOFF_HZ, APPLICATION);

    static ButterworthStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "btype", "order", "wn", "cutoff_hz", "application"));
        return new ButterworthStep(
                Butterworth.BandType.parse(p.choice(BTYPE)),
                p.integer(ORDER),
                p.numbers(WN),
                p.numbers(CUTOFF_HZ),
                Application.parse(p.choice(APPLICATION)));
    }

    /** The designed filter for this rate. */
    public Butterworth design(double sampleRateHz) {
        return wn != null
                ? Butterworth.design(btype, order, wn)
                : Butterworth.designHz(btype, order, sampleRateHz, cutoffHz);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int desktopRank() {
        return 3;
    }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        Butterworth f = design(sampleRateHz);
        switch (application) {
            case DESKTOP:
                return IirFiltering.desktopZeroPhase(f.sos(), x);
            case SOSFILTFILT:
                return IirFiltering.sosfiltfilt(f.sos(), x);
            case FILTFILT:
                return IirFiltering.filtfilt(f.b(), f.a(), x);
            case SOSFILT:
                return IirFiltering.sosfilt(f.sos(), x);
            case LFILTER:
                return IirFiltering.lfilter(f.b(), f.a(), x);
            default:
                throw new IllegalStateException(application.name());
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = typedJson();
        n.put("btype", btype.key());
        n.put("order", order);
        if (wn != null) putNumbers(n, "wn", wn);
        if (cutoffHz != null) putNumbers(n, "cutoff_hz", cutoffHz);
        n.put("application", application.key());
        return n;
    }

    private static void putNumbers(ObjectNode n, String name, double[] v) {
        if (v.length == 1) {
            n.put(name, v[0]);
        } else {
            ArrayNode a = n.putArray(name);
            for (double d : v) a.add(d);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ButterworthStep s
                && btype == s.btype
                && order == s.order
                && Arrays.equals(wn, s.wn)
                && Arrays.equals(cutoffHz, s.cutoffHz)
                && application == s.application;
    }

    @Override
    public int hashCode() {
        return Objects.hash(btype, order, Arrays.hashCode(wn), Arrays.hashCode(cutoffHz), application);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
