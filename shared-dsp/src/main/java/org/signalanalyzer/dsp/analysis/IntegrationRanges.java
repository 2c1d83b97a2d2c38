package org.signalanalyzer.dsp.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where each purple curve is integrated. {@link Unit#POINTS}: [start, end) indices of the purple curve (desktop
 * mode; the desktop's default 0–200 means all 199 points). {@link Unit#MS}: a time window [from, to] in ms relative
 * to the step onset (standard mode; negative = before the onset).
 */
public record IntegrationRanges(Unit unit, double[] hyperpol, double[] depol) {

    public enum Unit {
        POINTS,
        MS;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Unit parse(String text) {
            for (Unit u : values()) if (u.label().equalsIgnoreCase(text)) return u;
            throw new IllegalArgumentException("unknown range unit '" + text + "': expected points or ms");
        }
    }

    public IntegrationRanges {
        if (unit == null) throw new InvalidAnalysisParameterException("ranges", "a range needs its unit");
        hyperpol = check("hyperpol", unit, hyperpol);
        depol = check("depol", unit, depol);
    }

    public static IntegrationRanges points(int hStart, int hEnd, int dStart, int dEnd) {
        return new IntegrationRanges(Unit.POINTS, new double[] {hStart, hEnd}, new double[] {dStart, dEnd});
    }

    public static IntegrationRanges ms(double hFrom, double hTo, double dFrom, double dTo) {
        return new IntegrationRanges(Unit.MS, new double[] {hFrom, hTo}, new double[] {dFrom, dTo});
    }

    @Override
    public double[] hyperpol() {
        return hyperpol.clone();
    }

    @Override
    public double[] depol() {
        return depol.clone();
    }

    private static double[] check(String which, Unit unit, double[] r) {
        if (r == null || r.length != 2) {
            throw new InvalidAnalysisParameterException(
                    "ranges." + which, "the " + which + " range needs two numbers [start, end]");
        }
        // A time window may start before the onset: zero-phase filters spread a step's charge slightly ahead of it.
        if (!Double.isFinite(r[0]) || !Double.isFinite(r[1]) || (unit == Unit.POINTS && r[0] < 0) || r[1] <= r[0]) {
            throw new InvalidAnalysisParameterException(
                    "ranges." + which,
                    "the " + which + " range [" + r[0] + ", " + r[1] + "] must satisfy "
                            + (unit == Unit.POINTS ? "0 ≤ " : "") + "start < end");
        }
        if (unit == Unit.POINTS && (r[0] != Math.rint(r[0]) || r[1] != Math.rint(r[1]))) {
            throw new InvalidAnalysisParameterException(
                    "ranges." + which,
                    "the " + which + " range is in purple-curve points and needs whole numbers, got [" + r[0] + ", "
                            + r[1] + "]");
        }
        return r.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegrationRanges other
                && unit == other.unit
                && Arrays.equals(hyperpol, other.hyperpol)
                && Arrays.equals(depol, other.depol);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * unit.hashCode() + Arrays.hashCode(hyperpol)) + Arrays.hashCode(depol);
    }

    @Override
    public String toString() {
        return unit.label() + " hyperpol " + Arrays.toString(hyperpol) + " depol " + Arrays.toString(depol);
    }
}
