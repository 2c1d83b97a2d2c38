package org.signalanalyzer.dsp.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The desktop's manual fits on a purple curve over an inclusive index range (docs/desktop-conventions.md#curve-fits): a least-squares line
 * against the curve's time in seconds, or an exponential against the time since the first fitted point —
 * decay A·e^(−t/τ) + C or rise A·(1 − e^(−t/τ)) + C, by Levenberg–Marquardt (at most 2000 evaluations) from the
 * desktop's initial guess: A = first − last (decay) or last − first (rise), τ = span/3, C = last (decay) or first
 * (rise). R² = 1 − SS_res/SS_tot.
 */
public final class CurveFits {

    static final int MAX_EVALUATIONS = 2000;

    private CurveFits() {}

    /** Fits {@code curve} ("hyperpol" or "depol") of a result. */
    public static CurveFit fit(AnalysisResult r, String curve, FitModel model, int from, int to) {
        return switch (curve) {
            case "hyperpol" -> fit(curve, r.purpleHyperpol(), r.purpleHyperpolTimesS(), model, from, to);
            case "depol" -> fit(curve, r.purpleDepol(), r.purpleDepolTimesS(), model, from, to);
            default ->
                throw new InvalidAnalysisParameterException(
                        "curve", "the curve to fit is 'hyperpol' or " + "'depol', got '" + curve + "'");
        };
    }

    public static CurveFit fit(String curve, double[] y, double[] tS, FitModel model, int from, int to) {
        int minPoints = model.minPoints();
        // In long: to - from + 1 overflows int for a very negative to, and would pass as a huge range.
        if (from < 0 || to >= y.length || (long) to - from + 1 < minPoints) {
            throw new InvalidAnalysisParameterException(
                    "range",
                    "a " + model.label() + " fit needs an inclusive "
                            + "index range of at least " + minPoints + " points within 0.." + (y.length - 1) + ", got ["
                            + from + ", " + to + "]");
        }
        return model == FitModel.LINEAR ? line(curve, y, tS, from, to) : exponential(curve, y, tS, model, from, to);
    }

    private static CurveFit line(String curve, double[] y, double[] tS, int from, int to) {
        int n = to - from + 1;
        double mt = 0;
        double my = 0;
        for (int i = from; i <= to; i++) {
            mt += tS[i];
            my += y[i];
        }
        mt /= n;
        my /= n;
        double stt = 0;
        double sty = 0;
        for (int i = from; i <= to; i++) {
            stt += (tS[i] - mt) * (tS[i] - mt);
            sty += (tS[i] - mt) * (y[i] - my);
        }
        if (stt == 0) throw new InvalidAnalysisParameterException("range", "the fitted points share one time");
        double slope = sty / stt;
        double intercept = my - slope * mt;
        double[] t = Arrays.copyOfRange(tS, from, to + 1);
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) fitted[i] = slope * t[i] + intercept;
        return new CurveFit(
                curve,
                FitModel.LINEAR,
                from,
                to,
                Map.of("slope", slope, "intercept", intercept),
                rSquared(y, from, fitted),
                t,
                fitted);
    }

    private static CurveFit exponential(String curve, double[] y, double[] tS, FitModel model, int from, int to) {
        int n = to - from + 1;
        double[] tMs = new double[n];
        for (int i = 0; i < n; i++) tMs[i] = (tS[from + i] - tS[from]) * 1000;
        double first = y[from];
        double last = y[to];
        boolean decay = model == FitModel.EXP_DECAY;
        double[] start = {decay ? first - last : last - first, tMs[n - 1] / 3, decay ? last : first};
        MultivariateJacobianFunction f = p -> {
            double a = p.getEntry(0);
            double tau = p.getEntry(1);
            RealVector value = new ArrayRealVector(n);
            Array2DRowRealMatrix jac = new Array2DRowRealMatrix(n, 3);
            for (int i = 0; i < n; i++) {
                double e = Math.exp(-tMs[i] / tau);
                double dTau = a * e * tMs[i] / (tau * tau);
                if (decay) {
                    value.setEntry(i, a * e + p.getEntry(2));
                    jac.setEntry(i, 0, e);
                    jac.setEntry(i, 1, dTau);
                } else {
                    value.setEntry(i, a * (1 - e) + p.getEntry(2));
                    jac.setEntry(i, 0, 1 - e);
                    jac.setEntry(i, 1, -dTau);
                }
                jac.setEntry(i, 2, 1);
            }
            return new Pair<>(value, jac);
        };
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer()
                    .optimize(new LeastSquaresBuilder()
                            .model(f)
                            .target(Arrays.copyOfRange(y, from, to + 1))
                            .start(start)
                            .maxEvaluations(MAX_EVALUATIONS)
                            .maxIterations(MAX_EVALUATIONS)
                            .build());
        } catch (MathIllegalStateException e) {
            // Too many evaluations or iterations, or a ConvergenceException (a step that can no longer reduce the
            // residuals, e.g. on non-finite points): all mean no usable fit on these points.
            throw new FitDidNotConvergeException("the " + model.label() + " fit did not converge "
                    + "on points " + from + ".." + to + " (at most " + MAX_EVALUATIONS + " evaluations); try a "
                    + "longer range or a linear fit");
        }
        double[] p = opt.getPoint().toArray();
        double[] fitted = opt.getResiduals().toArray();
        for (int i = 0; i < n; i++) fitted[i] = y[from + i] - fitted[i];
        return new CurveFit(
                curve,
                model,
                from,
                to,
                Map.of("amplitude", p[0], "tauMs", p[1], "offset", p[2]),
                rSquared(y, from, fitted),
                Arrays.copyOfRange(tS, from, to + 1),
                fitted,
                false,
                exponentialWarnings(y, from, to, p[0], p[1], tMs[n - 1]));
    }

    /** How far beyond the fitted points' span an amplitude may go before the fit counts as degenerate. */
    static final double MAX_AMPLITUDE_PER_SPAN = 1000;
    /** How far beyond the fitted time span τ may go before the curvature is not seen in the points. */
    static final double MAX_TAU_PER_SPAN = 10;

    /**
     * An exponential that ran off to a huge amplitude and τ is a straight line in disguise (its curvature lies far
     * outside the points): the numbers then mean nothing, though R² may look fine.
     */
    static List<String> exponentialWarnings(
            double[] y, int from, int to, double amplitude, double tauMs, double spanMs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        double span = hi - lo;
        List<String> warnings = new ArrayList<>();
        if (!Double.isFinite(amplitude) || !Double.isFinite(tauMs)) {
            warnings.add("the fit ran to a non-finite amplitude or τ: no exponential describes these points");
        } else {
            if (Math.abs(amplitude) > MAX_AMPLITUDE_PER_SPAN * Math.max(span, Double.MIN_NORMAL)) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "the amplitude (%.3g pA) is over %.0f times the fitted "
                                + "points' span (%.3g pA): the exponential degenerated into a line; try a linear fit or "
                                + "other points",
                        amplitude,
                        MAX_AMPLITUDE_PER_SPAN,
                        span));
            }
            if (tauMs <= 0) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "τ (%.3g ms) is not positive: the curve grows instead of "
                                + "settling; try the other exponential model",
                        tauMs));
            } else if (tauMs > MAX_TAU_PER_SPAN * spanMs) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "τ (%.3g ms) is longer than %.0f times the fitted span "
                                + "(%.3g ms): the points do not show the curvature it stands for",
                        tauMs,
                        MAX_TAU_PER_SPAN,
                        spanMs));
            }
        }
        return warnings;
    }

    private static double rSquared(double[] y, int from, double[] fitted) {
        double mean = 0;
        for (int i = 0; i < fitted.length; i++) mean += y[from + i];
        mean /= fitted.length;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < fitted.length; i++) {
            double d = y[from + i] - fitted[i];
            res += d * d;
            double m = y[from + i] - mean;
            tot += m * m;
        }
        return tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
    }

    /**
     * The curve minus a fitted line (slope·t + intercept over the whole curve, t its own time in seconds), as the
     * desktop's "Apply" does.
     */
    public static double[] subtractLine(double[] y, double[] tS, CurveFit line) {
        if (line.model() != FitModel.LINEAR) {
            throw new InvalidAnalysisParameterException(
                    "fit",
                    "only a linear fit can be subtracted, got " + line.model().label());
        }
        double slope = line.parameters().get("slope");
        double intercept = line.parameters().get("intercept");
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) out[i] = y[i] - (slope * tS[i] + intercept);
        return out;
    }

    /**
     * The result with the fitted line subtracted from its curve, the fit recorded, and the integrals recomputed
     * over the result's ranges.
     */
    public static AnalysisResult subtractLine(AnalysisResult r, CurveFit line) {
        boolean h = line.curve().equals("hyperpol");
        double[] tS = h ? r.purpleHyperpolTimesS() : r.purpleDepolTimesS();
        double[] subtracted = subtractLine(h ? r.purpleHyperpol() : r.purpleDepol(), tS, line);
        AnalysisResult changed = r.withCurves(
                        Map.of(h ? "purpleHyperpol" : "purpleDepol", new AnalysisResult.CurvePoints(subtracted, tS)))
                .withFit(line.asSubtracted());
        return Integrals.recompute(changed, r.ranges());
    }
}
