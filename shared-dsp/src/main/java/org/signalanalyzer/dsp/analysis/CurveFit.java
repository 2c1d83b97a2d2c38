package org.signalanalyzer.dsp.analysis;

import java.util.Map;

/**
 * A fit to part of a purple curve over the inclusive index range [from, to]. Parameters by name: linear
 * {@code slope} (pA/s), {@code intercept} (pA); exponential {@code amplitude} (pA), {@code tauMs}, {@code offset}
 * (pA). Time is measured from the first fitted point (as the desktop does for exponentials; for lines the
 * curve's own time in seconds, as the desktop's subtraction needs).
 */
public record CurveFit(String curve, FitModel model, int from, int to, Map<String, Double> parameters,
                       double rSquared, double[] timesS, double[] fitted) {

    public CurveFit {
        parameters = Map.copyOf(parameters);
        timesS = timesS.clone();
        fitted = fitted.clone();
    }

    @Override public double[] timesS() { return timesS.clone(); }
    @Override public double[] fitted() { return fitted.clone(); }
}
