package org.signalanalyzer.dsp.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fit to part of a purple curve over the inclusive index range [from, to]. Parameters by name, units in
 * {@link FitModel#parameterUnits()}: linear {@code slope} (pA/s), {@code intercept} (pA); exponential
 * {@code amplitude} (pA), {@code tauMs}, {@code offset} (pA). Time is measured from the first fitted point (as the
 * desktop does for exponentials; for lines the curve's own time in seconds, as the desktop's subtraction needs).
 *
 * @param subtracted whether the line was subtracted from its curve (the desktop's "Subtract line")
 * @param warnings   why the fit may not describe the curve (a degenerate exponential, ...); empty when usable
 */
public record CurveFit(
        String curve,
        FitModel model,
        int from,
        int to,
        Map<String, Double> parameters,
        double rSquared,
        double[] timesS,
        double[] fitted,
        boolean subtracted,
        List<String> warnings) {

    public CurveFit {
        // Sorted by name: Map.copyOf iterates in an order that changes from one JVM to the next, and exports
        // and stored results must serialize the same way every time.
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        timesS = timesS.clone();
        fitted = fitted.clone();
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public CurveFit(
            String curve,
            FitModel model,
            int from,
            int to,
            Map<String, Double> parameters,
            double rSquared,
            double[] timesS,
            double[] fitted) {
        this(curve, model, from, to, parameters, rSquared, timesS, fitted, false, List.of());
    }

    @Override
    public double[] timesS() {
        return timesS.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    /** This fit, marked as subtracted from its curve. */
    public CurveFit asSubtracted() {
        return new CurveFit(curve, model, from, to, parameters, rSquared, timesS, fitted, true, warnings);
    }

    /** One line for a provenance row: "hyperpol exp-decay points 2..60: amplitude -12.3 pA, tauMs ... (R² 0.98)". */
    public String describe() {
        StringBuilder b = new StringBuilder(curve)
                .append(' ')
                .append(model.label())
                .append(" points ")
                .append(from)
                .append("..")
                .append(to)
                .append(':');
        Map<String, String> units = model.parameterUnits();
        String sep = " ";
        for (var e : parameters.entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            String unit = units.get(e.getKey());
            if (unit != null && !e.getKey().endsWith("Ms")) b.append(' ').append(unit);
            sep = ", ";
        }
        b.append(" (R² ").append(rSquared).append(')');
        if (subtracted) b.append(", subtracted from the curve");
        for (String w : warnings) b.append("; warning: ").append(w);
        return b.toString();
    }
}
