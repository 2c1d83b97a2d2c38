package org.signalanalyzer.dsp.analysis.chargevoltage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One set's charge–voltage result: every point (excluded ones flagged), the Boltzmann fit of Q_depol against V2 over
 * the included points or the reason there is none, the fitted curve for plotting, and the C–V series.
 *
 * @param boltzmann {@code null} when refused
 * @param refusal   {@code null} when fitted
 * @param curve     the fitted Q(V) at {@link #CURVE_POINTS} voltages across the set's range (empty when refused)
 * @param cv        capacitance against V2, included points in voltage order
 */
@JsonPropertyOrder({"set", "points", "boltzmann", "refusal", "curve", "cv"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChargeVoltageSet(
        String set,
        List<ChargeVoltagePoint> points,
        BoltzmannFit boltzmann,
        FitRefusal refusal,
        Series curve,
        Series cv) {

    public static final int CURVE_POINTS = 101;

    /** Parallel arrays: x (mV) and y (pC for the curve, nF for C–V). */
    @JsonPropertyOrder({"v2Mv", "values"})
    public record Series(double[] v2Mv, double[] values) {}

    public ChargeVoltageSet {
        points = List.copyOf(points);
    }

    /**
     * Fits the included points; the points are kept in the order given. A point without a finite voltage or charge
     * (an analysis that produced none) is shown but cannot be fitted.
     */
    static ChargeVoltageSet of(String set, List<ChargeVoltagePoint> points) {
        List<ChargeVoltagePoint> included = points.stream()
                .filter(p -> !p.excluded())
                .filter(p -> Double.isFinite(p.v2Mv()) && Double.isFinite(p.qDepolPc()))
                .toList();
        double[] v = included.stream().mapToDouble(ChargeVoltagePoint::v2Mv).toArray();
        double[] q = included.stream().mapToDouble(ChargeVoltagePoint::qDepolPc).toArray();
        BoltzmannFitter.Outcome outcome = BoltzmannFitter.fit(v, q);
        Series curve = new Series(new double[0], new double[0]);
        if (outcome.fit() != null) {
            double lo = included.stream()
                    .mapToDouble(ChargeVoltagePoint::v2Mv)
                    .min()
                    .orElse(0);
            double hi = included.stream()
                    .mapToDouble(ChargeVoltagePoint::v2Mv)
                    .max()
                    .orElse(0);
            double[] cx = new double[CURVE_POINTS];
            double[] cy = new double[CURVE_POINTS];
            for (int i = 0; i < CURVE_POINTS; i++) {
                cx[i] = lo + (hi - lo) * i / (CURVE_POINTS - 1);
                cy[i] = outcome.fit().chargeAt(cx[i]);
            }
            curve = new Series(cx, cy);
        }
        List<ChargeVoltagePoint> byV = new ArrayList<>(included);
        byV.sort(Comparator.comparingDouble(ChargeVoltagePoint::v2Mv));
        Series cv = new Series(
                byV.stream().mapToDouble(ChargeVoltagePoint::v2Mv).toArray(),
                byV.stream().mapToDouble(ChargeVoltagePoint::capacitanceNf).toArray());
        return new ChargeVoltageSet(set, points, outcome.fit(), outcome.refusal(), curve, cv);
    }
}
